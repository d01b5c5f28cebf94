/**
 * Plain values shared by server and web, with no dependency on Zod, so that pages needing only
 * an enum or a helper do not load the schema library.
 */

export const ROLES = ['admin', 'secretariat', 'delegate', 'observer'] as const;

/** Interface and content languages. Content may carry either or both. */
export const LANGUAGES = ['en', 'ru'] as const;

export const DECISION_KINDS = ['decision', 'recommendation', 'instruction'] as const;

/**
 * A decision's derived status (DESIGN §2): cancelled or superseded when so recorded; implemented
 * when every assignment is implemented or not applicable; overdue when an open assignment is past
 * due; in_progress otherwise (also while it has no assignments yet).
 */
export const DECISION_STATUSES = [
  'in_progress',
  'overdue',
  'implemented',
  'cancelled',
  'superseded',
] as const;

/** How a decision acts on an earlier one. supersedes/cancels close the earlier decision. */
export const RELATION_KINDS = ['amends', 'extends', 'supersedes', 'cancels'] as const;

export const ASSIGNMENT_STATUSES = [
  'pending',
  'in_progress',
  'implemented',
  'not_implemented',
  'not_applicable',
] as const;

/** Statuses that close an assignment. */
export const CLOSED_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = [
  'implemented',
  'not_applicable',
];

export const REPORT_STATUSES = [
  'in_progress',
  'implemented',
  'not_implemented',
  'not_applicable',
] as const;

/** adopted: newest first (by adoption date, then number); due: earliest open due date first. */
export const DECISION_SORTS = ['adopted', 'due'] as const;

export const MEMBER_STATE_STATUSES = ['member', 'observer', 'former'] as const;

export const BODY_KINDS = [
  'statutory_body',
  'commission',
  'council',
  'working_group',
  'secretariat',
] as const;

export const MEMBERSHIP_ROLES = [
  'chair',
  'deputy_chair',
  'member',
  'secretary',
  'head',
  'expert',
  'observer',
] as const;

export const ORGANIZATION_KINDS = ['enterprise', 'institute', 'agency', 'other'] as const;

export const MEETING_KINDS = ['regular', 'extraordinary'] as const;

export const MEETING_STATUSES = [
  'planned',
  'announced',
  'in_session',
  'held',
  'cancelled',
] as const;

/** Allowed status changes (DESIGN §2): planned → announced → in_session → held; or cancelled. */
export const MEETING_TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  planned: ['announced', 'cancelled'],
  announced: ['in_session', 'cancelled'],
  in_session: ['held'],
  held: [],
  cancelled: [],
};

/** Statuses an anonymous caller may see. */
export const PUBLIC_MEETING_STATUSES: readonly MeetingStatus[] = [
  'announced',
  'in_session',
  'held',
];

export const AGENDA_STATUSES = ['draft', 'approved'] as const;

export const PARTICIPANT_ROLES = [
  'chair',
  'secretary_general',
  'delegation_head',
  'delegate',
  'expert',
  'guest',
] as const;

export const AGENDA_ITEM_KINDS = [
  'implementation_review',
  'statutory_review',
  'report',
  'decision',
  'information',
  'other',
] as const;

/** An agenda has at most three levels: 1, 1.1, 1.1.1. */
export const AGENDA_MAX_DEPTH = 3;

/** The most items one agenda may hold. */
export const AGENDA_MAX_ITEMS = 500;

export const AMENDMENT_KINDS = ['added', 'changed', 'removed', 'reordered'] as const;

type MeetingStatus = (typeof MEETING_STATUSES)[number];
type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
type Language = (typeof LANGUAGES)[number];
type TextByLanguage = { en?: string; ru?: string };

/** Roman numeral of a positive integer: meeting 21 is the "XXI meeting". */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 4000) {
    return String(n);
  }
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, glyph] of table) {
    while (rest >= value) {
      out += glyph;
      rest -= value;
    }
  }
  return out;
}

/** Picks a text in the wanted language, falling back to the other one (marked). */
export function pickText(
  text: TextByLanguage | null | undefined,
  lang: Language,
): { text: string; lang: Language; fallback: boolean } {
  if (!text) {
    return { text: '', lang, fallback: false };
  }
  const own = text[lang];
  if (own) {
    return { text: own, lang, fallback: false };
  }
  const other: Language = lang === 'en' ? 'ru' : 'en';
  return { text: text[other] ?? '', lang: other, fallback: true };
}

/** How a proposal is put to adoption: in a meeting in session, or by written procedure. */
export const PROPOSAL_PROCEDURES = ['session', 'written'] as const;

export const PROPOSAL_STATUSES = ['open', 'adopted', 'not_adopted', 'withdrawn'] as const;

/** A member state's position on a proposal; a reservation is a "special opinion". */
export const PROPOSAL_POSITIONS = [
  'concur',
  'concur_with_reservation',
  'object',
  'abstain',
] as const;
