import type { RouteAccess } from '../../src/platform/route-access.ts';
import type { Caller, TestApp } from '../app.ts';
import type { Fixtures } from './fixtures.ts';

/** A well-formed id that names nothing: "as if it did not exist". */
export const ABSENT_ID = '01J00000000000000000000000';
export const ABSENT_SHA = '0'.repeat(64);

export const CALLERS: readonly Caller[] = [
  'anonymous',
  'observer',
  'delegateArm',
  'delegateBlr',
  'secretariat',
  'admin',
];

/**
 * What each path parameter of the route table stands for. `:id` is read by the path segment
 * before it (`/decisions/:id` is a decision); other names by themselves. A route naming a
 * parameter that is in neither map fails the suite: add its fixture here.
 */
export function paramValues(f: Fixtures, t: TestApp) {
  const bySegment: Record<string, string> = {
    // API
    meetings: f.meetingId,
    decisions: f.decisionId,
    reports: f.reportId,
    documents: f.documentId,
    consultations: f.consultationId,
    standards: f.standardId,
    programs: f.programId,
    projects: f.projectId,
    'ip-results': f.ipResultId,
    news: f.newsId,
    bodies: f.bodyId,
    persons: f.personId,
    memberships: f.membershipId,
    organizations: f.organizationId,
    proposals: f.proposalId,
    users: t.userIds.observer,
    // A notification belongs to its recipient only, and revoking a real token would sign the
    // caller out mid-suite: both are taken as unknown.
    notifications: ABSENT_ID,
    tokens: ABSENT_ID,
    // OParl
    body: f.bodyId,
    organization: f.organizationId,
    delegation: ABSENT_ID,
    person: f.personId,
    membership: f.membershipId,
    meeting: f.publicMeetingId,
    location: ABSENT_ID,
    'agenda-item': f.agendaItemId,
    paper: f.documentId,
    file: ABSENT_ID,
  };
  const byName: Record<string, string> = {
    itemId: f.agendaItemId,
    participantId: f.participantId,
    assignmentId: f.assignmentId,
    measureId: f.measureId,
    commentId: f.commentId,
    documentId: f.internalDocumentId,
    memberState: 'ARM',
    // A state no fixture uses, so a staff write that got through would harm nothing.
    code: 'KGZ',
    sha256: f.sha256,
    number: '1',
    sequence: '1',
    kind: 'persons',
    secret: 'not-a-feed-secret',
    list: 'meeting',
    paperId: f.documentId,
    slug: 'commission',
    section: 'news',
    file: 'news.rss',
  };
  return { bySegment, byName };
}

/** Fills in a route's parameters; throws naming the parameter when it has no fixture. */
export function fillUrl(
  url: string,
  values: ReturnType<typeof paramValues>,
  override: { index: number; value: string } | null = null,
): string {
  let index = 0;
  return url
    .split('/')
    .map((segment, i, all) => {
      if (segment === '*') {
        return 'anything';
      }
      return segment.replace(/:([A-Za-z0-9]+)/g, (_m, name: string) => {
        const mine = index++;
        if (override && override.index === mine) {
          return override.value;
        }
        const value = name === 'id' ? values.bySegment[all[i - 1] ?? ''] : values.byName[name];
        if (value === undefined) {
          throw new Error(
            `no fixture for :${name}${name === 'id' ? ` after /${all[i - 1]}` : ''} in ${url}`,
          );
        }
        return value;
      });
    })
    .join('/');
}

/** Whether a caller gets past the door of a rule (its service may still refuse it). */
export function passesDoor(access: RouteAccess | undefined, caller: Caller): boolean {
  switch (access) {
    case 'signedIn':
      return caller !== 'anonymous';
    case 'delegate':
      return caller !== 'anonymous' && caller !== 'observer';
    case 'staff':
      return caller === 'secretariat' || caller === 'admin';
    case 'admin':
      return caller === 'admin';
    default:
      return true;
  }
}

/** Streams (server-sent events) are asked with HEAD: the same door, no open connection. */
export const STREAMS = new Set(['/api/v1/events', '/api/v1/meetings/:id/events']);

/** Query strings a route needs for the permitted callers to get past its service. */
export function queryFor(f: Fixtures): Record<string, string> {
  return {
    // Without an entity, the audit trail is the admin's only; the staff read one entity's.
    'GET /api/v1/audit-events': `?entityType=decision&entityId=${f.decisionId}`,
    'GET /api/v1/search': '?q=decision',
    'GET /api/v1/documents/:id/versions/compare': '?from=1&to=1',
  };
}

/**
 * For every `delegate` route: a valid request naming ARM's resource, so the service's state check
 * is reached. The delegate of BLR must get 403 and change nothing; ARM's delegate and the staff
 * pass. A delegate route missing here (and not in STATELESS_DELEGATE_ROUTES) fails the suite.
 */
export function stateCases(
  f: Fixtures,
): Record<string, { body?: unknown; query?: string; forbiddenBody?: unknown }> {
  return {
    'GET /api/v1/assignments/export.xlsx': { query: '?memberState=ARM' },
    'POST /api/v1/decisions/:id/reports': {
      body: { assignmentId: f.assignmentId, status: 'implemented', text: { en: 'Done.' } },
    },
    'POST /api/v1/reports/:id/attachments': { body: { sha256: f.loneSha256, name: 'b.pdf' } },
    'DELETE /api/v1/reports/:id/attachments/:sha256': {},
    'PUT /api/v1/consultations/:id/positions/:memberState': { body: { position: 'concur' } },
    'POST /api/v1/consultations/:id/comments': {
      body: { memberState: 'ARM', clause: '2', comment: { en: 'Also this.' } },
    },
    'PATCH /api/v1/consultations/:id/comments/:commentId': {
      body: { comment: { en: 'Reworded.' } },
    },
    'DELETE /api/v1/consultations/:id/comments/:commentId': {},
    'PUT /api/v1/proposals/:id/positions/:memberState': { body: { position: 'concur' } },
    'PUT /api/v1/standards/:id/adoptions/:memberState': { body: { status: 'pending' } },
    'POST /api/v1/programs/:id/measures/:measureId/reports': { body: { text: { en: 'Done.' } } },
  };
}

/** Delegate routes whose request names no member state, with why. */
export const STATELESS_DELEGATE_ROUTES: Record<string, string> = {
  'POST /api/v1/files': 'an upload belongs to no state; what it is attached to is checked there',
  'POST /api/v1/assignments/import':
    'the state is named in each row of the uploaded sheet (exports tests refuse a row of another state)',
};

/**
 * Classified items for the resource-level reads: the first path parameter of every GET route
 * under these segments is replaced by this item, and then by an unknown id. Those who may not
 * read the item must get exactly what they get for the unknown id (no hint it exists); its
 * readers must get what the admin gets.
 */
export function classifiedItems(f: Fixtures): Record<string, { id: string; readers: Caller[] }> {
  const staff: Caller[] = ['secretariat', 'admin'];
  const signedIn: Caller[] = ['observer', 'delegateArm', 'delegateBlr', ...staff];
  return {
    documents: { id: f.documentId, readers: ['delegateArm', ...staff] },
    consultations: { id: f.restrictedConsultationId, readers: ['delegateArm', ...staff] },
    'ip-results': { id: f.restrictedIpResultId, readers: ['delegateArm', ...staff] },
    news: { id: f.newsId, readers: staff },
    files: { id: f.loneSha256, readers: staff },
    // Not yet announced: the internal record's, not the public's.
    meetings: { id: f.meetingId, readers: signedIn },
  };
}

/**
 * What the rule says of one answer: null when it fits, else what was expected. "Passing" is
 * anything but 401/403 (a 400/404/409/422 after the door is the service speaking).
 */
export function judge(
  access: RouteAccess | undefined,
  caller: Caller,
  status: number,
): string | null {
  const refused = status === 401 || status === 403;
  if (access === undefined) {
    return null; // Reported by the declaration test.
  }
  if (access === 'public' || access === 'secret') {
    return refused ? 'not 401/403' : null;
  }
  if (caller === 'anonymous') {
    return status === 401 ? null : '401';
  }
  if (!passesDoor(access, caller)) {
    return status === 403 ? null : '403';
  }
  // A delegate of another state may be refused by the service (403) where the request names
  // ARM's item; the state cases prove that refusal route by route.
  if (access === 'delegate' && caller === 'delegateBlr') {
    return status === 401 ? 'not 401' : null;
  }
  return refused ? 'not 401/403' : null;
}

/**
 * Writes that change something even when sent empty with a stale If-Match, by a caller they
 * admit: the caller's own settings, or actions that take no body and have no version to match.
 */
export const ALLOWED_CHANGES: Record<string, string> = {
  'PATCH /api/v1/auth/me': 'the caller’s own profile; an empty change is still recorded',
  'POST /api/v1/notifications/read-all': 'the caller’s own notifications',
  'POST /api/v1/auth/calendar-feed': 'the caller’s own feed',
  'DELETE /api/v1/auth/calendar-feed': 'the caller’s own feed',
  'DELETE /api/v1/users/:id/totp': 'resetting a second factor has no version to match',
  'DELETE /api/v1/decisions/:id/attachments/:sha256': 'an attachment has no version to match',
  'DELETE /api/v1/reports/:id/attachments/:sha256': 'an attachment has no version to match',
  'DELETE /api/v1/meetings/:id/agenda-items/:itemId/attachments/:sha256':
    'an attachment has no version to match',
  'POST /api/v1/meetings/:id/pack': 'issuing the meeting pack takes no body',
};
