import { el, type XmlElement } from './xml.ts';

/**
 * FRBR identification of Akoma Ntoso documents after the naming convention
 * (`/work/shared/standards/akn/README.md`):
 *
 *   Work           /akn/{country}/{type}[/{subtype}][/{actor}]/{date}/{number}
 *   Expression     {work}/{lang}@{version date}
 *   Manifestation  {expression}.akn; its FRBRthis {expression}/!main.xml
 *
 * Every part comes from the record itself (jurisdiction setting, adoption or meeting date,
 * number, language), never from the moment of generation, so the URIs are stable: the same
 * decision in the same language always has the same IRIs. Only the manifestation's generation
 * date says when the file was written.
 */

export const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
export const AKN_CONTENT_TYPE = 'application/akn+xml; charset=utf-8';

/** ISO 639-2 alpha-3 codes of the languages Plenum writes. */
export const LANG3 = { en: 'eng', ru: 'rus' } as const;

/**
 * A URI component: lowercase ASCII letters, digits, dots and hyphens, as the naming convention
 * uses them ("21/3" → "21-3", "commission.plenary"). Anything else becomes a hyphen.
 */
export function uriPart(value: string): string {
  const part = value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return part || 'x';
}

export interface WorkId {
  jurisdiction: string;
  /** `doc` | `debate` */
  type: string;
  subtype: string;
  /** e.g. the body that held the meeting (`actor` of the convention), if any. */
  actor?: string;
  /** The work's date: adoption of a decision, the meeting of minutes. */
  date: string;
  number: string;
}

export interface Iris {
  work: string;
  expression: string;
  manifestation: string;
}

export function iris(w: WorkId, lang: 'en' | 'ru', versionDate: string): Iris {
  const segments = [
    'akn',
    uriPart(w.jurisdiction),
    w.type,
    w.subtype,
    ...(w.actor ? [uriPart(w.actor)] : []),
    w.date,
    uriPart(w.number),
  ];
  const work = `/${segments.join('/')}`;
  const expression = `${work}/${LANG3[lang]}@${versionDate}`;
  return { work, expression, manifestation: `${expression}.akn` };
}

export interface Identification {
  work: WorkId;
  lang: 'en' | 'ru';
  /** The expression's date (its version): for us the work's date. */
  versionDate: string;
  /** What the work's date is: `adoption`, `meeting`. */
  dateName: string;
  /** eId of the TLC entry of the author (the body). */
  author: string;
  /** eId of the TLC entry of whoever produced the file (the secretariat). */
  source: string;
  name: string;
  generatedOn: string;
}

/** The `<identification>` block with its four mandatory FRBR levels (Item is optional). */
export function identification(id: Identification): XmlElement {
  const u = iris(id.work, id.lang, id.versionDate);
  const author = `#${id.author}`;
  return el('identification', { source: `#${id.source}` }, [
    el('FRBRWork', {}, [
      el('FRBRthis', { value: `${u.work}/!main` }),
      el('FRBRuri', { value: u.work }),
      el('FRBRdate', { date: id.work.date, name: id.dateName }),
      el('FRBRauthor', { href: author }),
      el('FRBRcountry', { value: uriPart(id.work.jurisdiction) }),
      el('FRBRsubtype', { value: id.work.subtype }),
      el('FRBRnumber', { value: uriPart(id.work.number) }),
      el('FRBRname', { value: id.name }),
    ]),
    el('FRBRExpression', {}, [
      el('FRBRthis', { value: `${u.expression}/!main` }),
      el('FRBRuri', { value: u.expression }),
      el('FRBRdate', { date: id.versionDate, name: id.dateName }),
      el('FRBRauthor', { href: author }),
      el('FRBRlanguage', { language: LANG3[id.lang] }),
    ]),
    el('FRBRManifestation', {}, [
      el('FRBRthis', { value: `${u.expression}/!main.xml` }),
      el('FRBRuri', { value: u.manifestation }),
      el('FRBRdate', { date: id.generatedOn, name: 'generation' }),
      el('FRBRauthor', { href: `#${id.source}` }),
      el('FRBRformat', { value: 'application/akn+xml' }),
    ]),
  ]);
}

/** A TLC entry for an organization of the jurisdiction (`/akn/ontology/organization/...`). */
export function tlcOrganization(
  eId: string,
  jurisdiction: string,
  key: string,
  showAs: string,
): XmlElement {
  return el('TLCOrganization', {
    eId,
    href: `/akn/ontology/organization/${uriPart(jurisdiction)}/${uriPart(key)}`,
    showAs,
  });
}

/** The TLC entry of the secretariat that generates every file. */
export const SECRETARIAT = 'secretariat';
