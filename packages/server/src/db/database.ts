import type { Generated } from 'kysely';
import type { AuthTables } from './tables/auth.ts';
import type { CalendarFeedTables } from './tables/calendar-feeds.ts';
import type { ConsultationTables } from './tables/consultations.ts';
import type { DecisionTables } from './tables/decisions.ts';
import type { DocumentTables } from './tables/documents.ts';
import type { IpResultTables } from './tables/ip-results.ts';
import type { MinutesTables } from './tables/minutes.ts';
import type { NewsTables } from './tables/news.ts';
import type { NotificationTables } from './tables/notifications.ts';
import type { OidcTables } from './tables/oidc.ts';
import type { PackTables } from './tables/packs.ts';
import type { ProgramTables } from './tables/programs.ts';
import type { ProjectTables } from './tables/projects.ts';
import type { SearchTables } from './tables/search.ts';
import type { SessionTables } from './tables/sessions.ts';
import type { StandardTables } from './tables/standards.ts';

/**
 * The tables of Plenum, one interface each. Columns are camelCase here and snake_case in SQL
 * (Kysely's CamelCasePlugin). Portable types only: text (ids, ISO timestamps, JSON), integer
 * (numbers and booleans as 0/1), so one set of migrations serves SQLite and PostgreSQL.
 */
export interface Database
  extends DecisionTables,
    CalendarFeedTables,
    DocumentTables,
    ConsultationTables,
    NotificationTables,
    SearchTables,
    NewsTables,
    StandardTables,
    ProgramTables,
    ProjectTables,
    IpResultTables,
    MinutesTables,
    OidcTables,
    PackTables,
    SessionTables,
    AuthTables {
  users: UserTable;
  sessions: SessionTable;
  apiTokens: ApiTokenTable;
  loginAttempts: LoginAttemptTable;
  idempotencyKeys: IdempotencyKeyTable;
  rateLimits: RateLimitTable;
  auditEvents: AuditEventTable;
  memberStates: MemberStateTable;
  bodies: BodyTable;
  persons: PersonTable;
  memberships: MembershipTable;
  organizations: OrganizationTable;
  meetings: MeetingTable;
  participants: ParticipantTable;
  agendaItems: AgendaItemTable;
  agendaAmendments: AgendaAmendmentTable;
}

interface Versioned {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserTable extends Versioned {
  id: string;
  email: string;
  name: string;
  role: string;
  memberState: string | null;
  /** JSON array of body ids. */
  bodyIds: string;
  language: string;
  active: number;
  passwordHash: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** 1: a password sign-in that must enrol in two-factor sign-in before anything else (0021). */
  enrolmentOnly: Generated<number>;
}

export interface ApiTokenTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface LoginAttemptTable {
  key: string;
  failures: number;
  lastFailureAt: string;
  lockedUntil: string | null;
}

export interface IdempotencyKeyTable {
  actorKey: string;
  key: string;
  requestHash: string;
  state: string;
  responseStatus: number | null;
  responseBody: string | null;
  responseHeaders: string | null;
  createdAt: string;
}

/** A rate-limit counter shared by every instance (migration 0019). */
export interface RateLimitTable {
  key: string;
  hits: number;
  /** Milliseconds since the epoch. */
  resetAt: number;
}

export interface AuditEventTable {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** JSON */
  change: string;
  prevHash: string;
  hash: string;
}

export interface MemberStateTable extends Versioned {
  code: string;
  name: string;
  status: string;
  searchText: string;
}

export interface BodyTable extends Versioned {
  id: string;
  slug: string;
  name: string;
  nameGenitive: string | null;
  shortName: string | null;
  kind: string;
  parentId: string | null;
  established: string | null;
  establishedBy: string | null;
  mandate: string | null;
  /** Member states present for a quorum in session; null: all member states. */
  quorum: number | null;
  searchText: string;
  /**
   * The list order: the lower-cased start of the name (see directory/service.ts sortKey), short
   * enough to travel in a cursor. The default only serves rows written outside the service.
   */
  sortKey: Generated<string>;
}

export interface PersonTable extends Versioned {
  id: string;
  name: string;
  memberState: string | null;
  position: string | null;
  searchText: string;
  /**
   * The list order: the lower-cased start of the name (see directory/service.ts sortKey), short
   * enough to travel in a cursor. The default only serves rows written outside the service.
   */
  sortKey: Generated<string>;
}

export interface MembershipTable extends Versioned {
  id: string;
  personId: string;
  bodyId: string;
  role: string;
  memberState: string | null;
  dateFrom: string | null;
  dateTo: string | null;
}

export interface OrganizationTable extends Versioned {
  id: string;
  name: string;
  memberState: string;
  kind: string;
  searchText: string;
  /**
   * The list order: the lower-cased start of the name (see directory/service.ts sortKey), short
   * enough to travel in a cursor. The default only serves rows written outside the service.
   */
  sortKey: Generated<string>;
}

export interface MeetingTable extends Versioned {
  id: string;
  bodyId: string;
  number: number;
  kind: string;
  status: string;
  startDate: string;
  endDate: string;
  startTime: string | null;
  timeZone: string;
  /** JSON Location */
  location: string | null;
  chairPersonId: string | null;
  parentMeetingId: string | null;
  agendaStatus: string;
  agendaApprovedAt: string | null;
  notes: string | null;
}

export interface ParticipantTable extends Versioned {
  id: string;
  meetingId: string;
  personId: string;
  role: string;
  memberState: string | null;
  bodyId: string | null;
  notable: number;
}

export interface AgendaItemTable extends Versioned {
  id: string;
  meetingId: string;
  parentId: string | null;
  ordinal: number;
  title: string;
  kind: string;
  description: string | null;
  rapporteurPersonId: string | null;
  public: number;
}

export interface AgendaAmendmentTable {
  id: string;
  meetingId: string;
  kind: string;
  agendaItemId: string | null;
  summary: string;
  reason: string | null;
  actorId: string | null;
  actorName: string | null;
  at: string;
}
