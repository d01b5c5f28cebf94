import {
  type Language,
  type LocalizedText,
  type Location,
  PUBLIC_MEETING_STATUSES,
  pickText,
  toRoman,
} from '@plenum/shared';
import { meetingName } from '../../modules/meetings/repository.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import { zonedIso } from '../../public/time-zone.ts';
import type * as repo from './repository.ts';
import { dateTime, type OParlType, type OParlUrls, typeUrl } from './urls.ts';

/**
 * Rows → OParl 1.1 objects, one mapper per type, fields listed explicitly. `embedded` leaves out
 * the back-reference to the parent that holds the object (OParl 1.1, chapter "Eingebettete
 * Objekte"); stand-alone objects carry it. Texts come in the caller's language, falling back to
 * the other one.
 */

export type OParlObject = { id: string; type: string } & Record<string, unknown>;

export interface MapCtx {
  urls: OParlUrls;
  lang: Language;
  rootId: string;
  /** PLENUM_PUBLIC_URL: the portal's pages are the `web` views of public objects. */
  publicUrl: string;
}

const text = (c: MapCtx, value: LocalizedText | null | undefined) => pickText(value, c.lang).text;
const stored = (c: MapCtx, value: string | null) => text(c, parseTextOrNull(value));

/** Labels of our vocabularies, for OParl's free-text type fields. */
const LABELS: Record<string, { en: string; ru: string }> = {
  // document kinds
  draft_decision: { en: 'Draft decision', ru: 'Проект решения' },
  regulation: { en: 'Regulation', ru: 'Положение' },
  standard: { en: 'Standard', ru: 'Стандарт' },
  program: { en: 'Program', ru: 'Программа' },
  report: { en: 'Report', ru: 'Доклад' },
  other: { en: 'Other document', ru: 'Иной документ' },
  // decision kinds
  decision: { en: 'Decision', ru: 'Решение' },
  recommendation: { en: 'Recommendation', ru: 'Рекомендация' },
  instruction: { en: 'Instruction', ru: 'Поручение' },
  // body kinds
  statutory_body: { en: 'Statutory body', ru: 'Уставный орган' },
  commission: { en: 'Commission', ru: 'Комиссия' },
  council: { en: 'Council', ru: 'Совет' },
  working_group: { en: 'Working group', ru: 'Рабочая группа' },
  secretariat: { en: 'Secretariat', ru: 'Секретариат' },
  delegation: { en: 'Member-state delegation', ru: 'Делегация государства-члена' },
  // membership roles
  chair: { en: 'Chair', ru: 'Председатель' },
  deputy_chair: { en: 'Deputy chair', ru: 'Заместитель председателя' },
  member: { en: 'Member', ru: 'Член' },
  secretary: { en: 'Secretary', ru: 'Секретарь' },
  head: { en: 'Head', ru: 'Руководитель' },
  expert: { en: 'Expert', ru: 'Эксперт' },
  observer: { en: 'Observer', ru: 'Наблюдатель' },
  // consultation roles
  consideration: { en: 'Consideration', ru: 'Рассмотрение' },
  adoption: { en: 'Adoption', ru: 'Принятие' },
};
const label = (c: MapCtx, key: string) => LABELS[key]?.[c.lang] ?? key;

/** OParl's recommended meeting states (German by the spec): scheduled, invited, held. */
const MEETING_STATES: Record<string, string> = {
  planned: 'terminiert',
  announced: 'eingeladen',
  in_session: 'eingeladen',
  held: 'durchgeführt',
  cancelled: 'terminiert',
};

function base(type: OParlType, id: string, created: string, modified: string): OParlObject {
  return { id, type: typeUrl(type), created: dateTime(created), modified: dateTime(modified) };
}

/** The later of two ISO instants. */
export const later = (a: string, b: string) => (a > b ? a : b);

// ---- System and Body ---------------------------------------------------------------------------

export function mapSystem(
  c: Pick<MapCtx, 'urls' | 'lang'>,
  o: { name: string | null; website: string; created: string },
): OParlObject {
  const name = o.name === null ? 'Plenum' : text(c as MapCtx, parseText(o.name));
  return {
    ...base('System', c.urls.system(), o.created, o.created),
    oparlVersion: 'https://schema.oparl.org/1.1/',
    body: c.urls.bodies(),
    name,
    website: o.website,
  };
}

export function mapBody(c: MapCtx, row: repo.RootBodyRow, website: string): OParlObject {
  const id = row.id;
  const lists = {
    organization: c.urls.bodyList(id, 'organizations'),
    person: c.urls.bodyList(id, 'persons'),
    meeting: c.urls.bodyList(id, 'meetings'),
    paper: c.urls.bodyList(id, 'papers'),
    agendaItem: c.urls.bodyList(id, 'agenda-items'),
    consultation: c.urls.bodyList(id, 'consultations'),
    file: c.urls.bodyList(id, 'files'),
    locationList: c.urls.bodyList(id, 'locations'),
    legislativeTermList: c.urls.bodyList(id, 'legislative-terms'),
    membership: c.urls.bodyList(id, 'memberships'),
  };
  const shortName = stored(c, row.shortName);
  return {
    ...base('Body', c.urls.body(id), row.createdAt, row.modified),
    system: c.urls.system(),
    name: stored(c, row.name),
    ...(shortName ? { shortName } : {}),
    website,
    classification: label(c, row.kind),
    ...lists,
    // Commissions have no electoral terms; OParl requires the list, so it is empty.
    legislativeTerm: [],
  };
}

// ---- Organizations -----------------------------------------------------------------------------

export function mapBodyOrganization(
  c: MapCtx,
  row: repo.BodyOrganizationRow,
  membershipIds: string[],
): OParlObject {
  const shortName = stored(c, row.shortName);
  return {
    ...base('Organization', c.urls.organization(row.id), row.createdAt, row.modified),
    body: c.urls.body(c.rootId),
    name: stored(c, row.name),
    ...(shortName ? { shortName } : {}),
    organizationType: 'Gremium',
    classification: label(c, row.kind),
    ...(row.parentId ? { subOrganizationOf: c.urls.organization(row.parentId) } : {}),
    ...(row.established ? { startDate: row.established } : {}),
    ...(membershipIds.length > 0 ? { membership: membershipIds.map(c.urls.membership) } : {}),
  };
}

export function mapDelegation(
  c: MapCtx,
  row: repo.DelegationRow,
  membershipIds: string[],
): OParlObject {
  const state = stored(c, row.name);
  return {
    ...base('Organization', c.urls.delegation(row.code), row.createdAt, row.modified),
    body: c.urls.body(c.rootId),
    name: c.lang === 'ru' ? `Делегация: ${state}` : `Delegation of ${state}`,
    shortName: row.code,
    organizationType: 'Sonstiges',
    classification: label(c, 'delegation'),
    ...(membershipIds.length > 0 ? { membership: membershipIds.map(c.urls.membership) } : {}),
  };
}

// ---- Persons and memberships -------------------------------------------------------------------

export function mapMembership(c: MapCtx, row: repo.MembershipRow, embedded: boolean): OParlObject {
  return {
    ...base('Membership', c.urls.membership(row.id), row.createdAt, row.modified),
    ...(embedded ? {} : { person: c.urls.person(row.personId) }),
    organization: c.urls.organization(row.bodyId),
    role: label(c, row.role),
    ...(row.memberState ? { onBehalfOf: c.urls.delegation(row.memberState) } : {}),
    ...(row.dateFrom ? { startDate: row.dateFrom } : {}),
    ...(row.dateTo ? { endDate: row.dateTo } : {}),
  };
}

export function mapPerson(
  c: MapCtx,
  row: repo.PersonRow,
  memberships: repo.MembershipRow[],
): OParlObject {
  const position = stored(c, row.position);
  return {
    ...base('Person', c.urls.person(row.id), row.createdAt, row.modified),
    body: c.urls.body(c.rootId),
    name: stored(c, row.name),
    ...(position ? { status: [position] } : {}),
    ...(memberships.length > 0
      ? { membership: memberships.map((m) => mapMembership(c, m, true)) }
      : {}),
  };
}

// ---- Files ---------------------------------------------------------------------------------------

export function mapFile(c: MapCtx, row: repo.FileRow, embedded: boolean): OParlObject {
  const backReferences: Record<string, string[]> = {};
  if (!embedded) {
    if (row.ownerType === 'agenda_item') {
      backReferences.agendaItem = [c.urls.agendaItem(row.ownerId)];
      if (row.meetingId) {
        backReferences.meeting = [c.urls.meeting(row.meetingId)];
      }
    } else if (row.ownerType === 'decision') {
      backReferences.paper = [c.urls.paper(row.ownerId)];
    } else if (row.documentId) {
      backReferences.paper = [c.urls.paper(row.documentId)];
    }
  }
  return {
    ...base('File', c.urls.file(row.id), row.createdAt, row.modified),
    name: row.name,
    fileName: row.name,
    mimeType: row.mediaType,
    size: row.size,
    date: row.createdAt.slice(0, 10),
    accessUrl: c.urls.fileAccess(row.id),
    downloadUrl: c.urls.fileDownload(row.id),
    ...backReferences,
  };
}

// ---- Meetings, locations, agenda items -----------------------------------------------------------

export function mapLocation(
  c: MapCtx,
  meeting: { id: string; location: string | null; createdAt: string; modified: string },
  embedded: boolean,
): OParlObject | null {
  if (meeting.location === null) {
    return null;
  }
  const place = JSON.parse(meeting.location) as Location;
  const city = text(c, place.city);
  const venue = text(c, place.venue);
  return {
    ...base('Location', c.urls.location(meeting.id), meeting.createdAt, meeting.modified),
    description: [venue, city, place.country].filter(Boolean).join(', '),
    locality: city,
    ...(venue ? { room: venue } : {}),
    ...(embedded ? {} : { meetings: [c.urls.meeting(meeting.id)] }),
  };
}

export interface ConsultationRef {
  agendaItemId: string;
  paperId: string;
  meetingId: string;
  bodyId: string;
  createdAt: string;
  modified: string;
  /** A decision adopted under the item; else a document considered under it. */
  adopted: boolean;
}

export function mapConsultation(c: MapCtx, row: ConsultationRef, embedded: boolean): OParlObject {
  return {
    ...base(
      'Consultation',
      c.urls.consultation(row.agendaItemId, row.paperId),
      row.createdAt,
      row.modified,
    ),
    ...(embedded ? {} : { paper: c.urls.paper(row.paperId) }),
    agendaItem: c.urls.agendaItem(row.agendaItemId),
    meeting: c.urls.meeting(row.meetingId),
    organization: [c.urls.organization(row.bodyId)],
    authoritative: row.adopted,
    role: label(c, row.adopted ? 'adoption' : 'consideration'),
  };
}

export interface Placement {
  order: number;
  number: string;
}

export function mapAgendaItem(
  c: MapCtx,
  row: repo.AgendaItemRow,
  placement: Placement,
  children: { files: repo.FileRow[]; consultations: ConsultationRef[] },
  embedded: boolean,
): OParlObject {
  const files = children.files.map((f) => mapFile(c, f, true));
  const first = children.consultations[0];
  const modified = [
    ...children.files.map((f) => f.modified),
    ...children.consultations.map((k) => k.modified),
  ].reduce(later, row.modified);
  return {
    ...base('AgendaItem', c.urls.agendaItem(row.id), row.createdAt, modified),
    ...(embedded ? {} : { meeting: c.urls.meeting(row.meetingId) }),
    number: placement.number,
    order: placement.order,
    name: stored(c, row.title),
    public: row.public === 1,
    ...(first ? { consultation: c.urls.consultation(first.agendaItemId, first.paperId) } : {}),
    ...(files.length > 0 ? { auxiliaryFile: files } : {}),
  };
}

export function mapMeeting(
  c: MapCtx,
  row: repo.MeetingRow,
  agendaItems: OParlObject[],
  participants: string[],
): OParlObject {
  const numeral = toRoman(row.number);
  const name = meetingName(
    numeral,
    row.kind,
    parseText(row.bodyName),
    parseTextOrNull(row.bodyNameGenitive),
  );
  const location = mapLocation(c, { ...row, modified: row.updatedAt }, true);
  const modified = agendaItems.reduce(
    (max, item) => later(max, String(item.modified).replace('+00:00', 'Z')),
    row.modified,
  );
  return {
    ...base('Meeting', c.urls.meeting(row.id), row.createdAt, modified),
    name: text(c, name),
    meetingState: MEETING_STATES[row.status] ?? row.status,
    ...(row.status === 'cancelled' ? { cancelled: true } : {}),
    start: zonedIso(row.startDate, row.startTime ?? '00:00', row.timeZone),
    ...(row.endDate !== row.startDate ? { end: zonedIso(row.endDate, '23:59', row.timeZone) } : {}),
    ...(location ? { location } : {}),
    organization: [c.urls.organization(row.bodyId)],
    // The portal shows announced meetings and later (public/repository.ts).
    ...((PUBLIC_MEETING_STATUSES as readonly string[]).includes(row.status)
      ? { web: `${c.publicUrl.replace(/\/+$/, '')}/${c.lang}/meetings/${row.id}` }
      : {}),
    ...(participants.length > 0 ? { participant: participants.map(c.urls.person) } : {}),
    agendaItem: agendaItems,
  };
}

// ---- Papers --------------------------------------------------------------------------------------

export function mapDocumentPaper(
  c: MapCtx,
  row: repo.DocumentRow,
  children: { files: repo.FileRow[]; consultations: ConsultationRef[]; adoptedBy: string | null },
): OParlObject {
  const [main, ...auxiliary] = children.files.map((f) => mapFile(c, f, true));
  return {
    ...base('Paper', c.urls.paper(row.id), row.createdAt, row.modified),
    body: c.urls.body(c.rootId),
    name: stored(c, row.title),
    date: row.createdAt.slice(0, 10),
    paperType: label(c, row.kind),
    ...(children.adoptedBy ? { relatedPaper: [c.urls.paper(children.adoptedBy)] } : {}),
    ...(main ? { mainFile: main } : {}),
    ...(auxiliary.length > 0 ? { auxiliaryFile: auxiliary } : {}),
    underDirectionOf: [c.urls.organization(row.bodyId)],
    ...(children.consultations.length > 0
      ? { consultation: children.consultations.map((k) => mapConsultation(c, k, true)) }
      : {}),
  };
}

export function mapDecisionPaper(
  c: MapCtx,
  row: repo.DecisionRow,
  children: { files: repo.FileRow[]; consultation: ConsultationRef | null; adopted: string[] },
): OParlObject {
  const [main, ...auxiliary] = children.files.map((f) => mapFile(c, f, true));
  return {
    ...base('Paper', c.urls.paper(row.id), row.createdAt, row.modified),
    body: c.urls.body(c.rootId),
    name: stored(c, row.title),
    reference: row.number,
    date: row.adoptedOn,
    paperType: label(c, row.kind),
    ...(children.adopted.length > 0 ? { relatedPaper: children.adopted.map(c.urls.paper) } : {}),
    ...(main ? { mainFile: main } : {}),
    ...(auxiliary.length > 0 ? { auxiliaryFile: auxiliary } : {}),
    originatorOrganization: [c.urls.organization(row.bodyId)],
    ...(children.consultation
      ? { consultation: [mapConsultation(c, children.consultation, true)] }
      : {}),
  };
}

// ---- Deleted objects -------------------------------------------------------------------------------

export function mapTombstone(
  c: MapCtx,
  row: repo.TombstoneRow,
  created: string | undefined,
): OParlObject {
  const type = TOMBSTONE_URL[row.entityType as repo.TombstoneEntity];
  return {
    ...base(type.type, type.url(c.urls, row.entityId), created ?? row.at, row.at),
    // The schema requires an agenda item's order; a removed item has none left (0).
    ...(type.type === 'AgendaItem' ? { order: 0 } : {}),
    deleted: true,
  };
}

const TOMBSTONE_URL: Record<
  repo.TombstoneEntity,
  { type: OParlType; url: (u: OParlUrls, id: string) => string }
> = {
  meeting: { type: 'Meeting', url: (u, id) => u.meeting(id) },
  agenda_item: { type: 'AgendaItem', url: (u, id) => u.agendaItem(id) },
  document: { type: 'Paper', url: (u, id) => u.paper(id) },
  decision: { type: 'Paper', url: (u, id) => u.paper(id) },
  person: { type: 'Person', url: (u, id) => u.person(id) },
  membership: { type: 'Membership', url: (u, id) => u.membership(id) },
  body: { type: 'Organization', url: (u, id) => u.organization(id) },
  member_state: { type: 'Organization', url: (u, id) => u.delegation(id) },
};
