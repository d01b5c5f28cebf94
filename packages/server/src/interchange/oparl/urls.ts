/**
 * The OParl URL scheme (docs/interchange.md). Every id is an absolute URL under the configured
 * public URL (PLENUM_PUBLIC_URL), never the request's Host: OParl wants one canonical, stable URL
 * per object, and a Host header is the caller's to choose.
 */

export const OPARL_PREFIX = '/oparl/v1.1';
export const SCHEMA = 'https://schema.oparl.org/1.1/';

export type OParlType =
  | 'System'
  | 'Body'
  | 'LegislativeTerm'
  | 'Organization'
  | 'Person'
  | 'Membership'
  | 'Meeting'
  | 'AgendaItem'
  | 'Paper'
  | 'Consultation'
  | 'File'
  | 'Location';

export const typeUrl = (type: OParlType) => `${SCHEMA}${type}`;
export const ERROR_TYPE = `${SCHEMA}Error`;

/** The external lists of a Body, by the path segment that follows the body's URL. */
export const BODY_LISTS = {
  organization: 'organizations',
  person: 'persons',
  meeting: 'meetings',
  paper: 'papers',
  agendaItem: 'agenda-items',
  consultation: 'consultations',
  file: 'files',
  locationList: 'locations',
  legislativeTermList: 'legislative-terms',
  membership: 'memberships',
} as const;
export type BodyList = (typeof BODY_LISTS)[keyof typeof BODY_LISTS];

export function oparlUrls(publicUrl: string) {
  const base = `${publicUrl.replace(/\/+$/, '')}${OPARL_PREFIX}`;
  return {
    base,
    system: () => `${base}/`,
    bodies: () => `${base}/bodies`,
    body: (id: string) => `${base}/body/${id}`,
    bodyList: (id: string, list: BodyList) => `${base}/body/${id}/${list}`,
    organization: (bodyId: string) => `${base}/organization/${bodyId}`,
    delegation: (code: string) => `${base}/delegation/${code}`,
    person: (id: string) => `${base}/person/${id}`,
    membership: (id: string) => `${base}/membership/${id}`,
    meeting: (id: string) => `${base}/meeting/${id}`,
    location: (meetingId: string) => `${base}/location/${meetingId}`,
    agendaItem: (id: string) => `${base}/agenda-item/${id}`,
    paper: (id: string) => `${base}/paper/${id}`,
    consultation: (agendaItemId: string, paperId: string) =>
      `${base}/consultation/${agendaItemId}/${paperId}`,
    file: (id: string) => `${base}/file/${id}`,
    fileAccess: (id: string) => `${base}/file/${id}/access`,
    fileDownload: (id: string) => `${base}/file/${id}/download`,
  };
}
export type OParlUrls = ReturnType<typeof oparlUrls>;

/** A stored ISO instant (`…Z`) as OParl's date-time with an explicit offset. */
export const dateTime = (iso: string) => iso.replace(/Z$/, '+00:00');
