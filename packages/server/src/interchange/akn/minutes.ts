import type { MinutesDecision, MinutesModel, MinutesPerson } from '@plenum/shared';
import { getBody } from '../../modules/directory/bodies.service.ts';
import type { Download } from '../../modules/exports/download.ts';
import { dateInText, type Lang, pick } from '../../modules/exports/labels.ts';
import { type Ctx, todayIso } from '../../platform/context.ts';
import { L as MINUTES_WORDS } from '../minutes/labels.ts';
import { assembleMinutes } from '../minutes/model.ts';
import { decisionWork, textLanguage } from './decision.ts';
import {
  AKN_CONTENT_TYPE,
  AKN_NS,
  identification,
  iris,
  SECRETARIAT,
  tlcOrganization,
  uriPart,
  type WorkId,
} from './frbr.ts';
import { AKN_LABELS, DECISION_NAME, MINUTES_LABELS, ROLE_LABELS } from './labels.ts';
import { markdownToBlocks } from './markdown.ts';
import { el, serialize, type XmlElement, type XmlNode } from './xml.ts';

const AUTHOR = 'meetingBody';

/** The work of minutes: /akn/{country}/debate/minutes/{body slug}/{start date}/{number}. */
export function minutesWork(
  jurisdiction: string,
  bodySlug: string,
  startDate: string,
  number: number,
): WorkId {
  return {
    jurisdiction,
    type: 'debate',
    subtype: 'minutes',
    actor: bodySlug,
    date: startDate,
    number: String(number),
  };
}

/** TLC entries for the people and roles named, with stable eIds in order of appearance. */
class Persons {
  private readonly ids = new Map<string, string>();
  readonly entries: XmlElement[] = [];
  readonly roles = new Set<keyof typeof ROLE_LABELS>();

  constructor(
    private readonly jurisdiction: string,
    private readonly lang: Lang,
  ) {}

  ref(p: MinutesPerson): string {
    let eId = this.ids.get(p.personId);
    if (!eId) {
      eId = `person_${this.ids.size + 1}`;
      this.ids.set(p.personId, eId);
      this.entries.push(
        el('TLCPerson', {
          eId,
          href: `/akn/ontology/person/${uriPart(this.jurisdiction)}/${uriPart(p.personId)}`,
          showAs: pick(p.name, this.lang),
        }),
      );
    }
    return `#${eId}`;
  }
}

function decisionLine(
  d: MinutesDecision,
  jurisdiction: string,
  lang: Lang,
  eId: string,
): XmlElement {
  const dl = textLanguage(d.text, lang);
  const href = iris(decisionWork(jurisdiction, d.adoptedOn, d.number), dl, d.adoptedOn).expression;
  return el('p', { eId }, [
    el('ref', { href }, [`${DECISION_NAME[d.kind][lang]} ${d.number}`]),
    ` — ${pick(d.title, lang)}`,
  ]);
}

/** The delegations' positions on a decision, special opinions with their text (issue 8). */
function positionsLine(d: MinutesDecision, lang: Lang, eId: string): XmlElement[] {
  if (!d.positions || d.positions.length === 0) {
    return [];
  }
  const parts = d.positions.map((p) => {
    const label = `${pick(p.name, lang) || p.memberState}: ${MINUTES_WORDS.position[p.position][lang]}`;
    return p.reservation
      ? `${label} (${MINUTES_WORDS.specialOpinion[lang]}: ${pick(p.reservation, lang)})`
      : label;
  });
  return [el('p', { eId }, [`${MINUTES_WORDS.positions[lang]}: ${parts.join('; ')}.`])];
}

/** A decision's line followed by the positions taken on it. */
function recordedDecision(
  d: MinutesDecision,
  jurisdiction: string,
  lang: Lang,
  eId: string,
): XmlElement[] {
  return [decisionLine(d, jurisdiction, lang, eId), ...positionsLine(d, lang, `${eId}_positions`)];
}

/**
 * The minutes of a meeting as an Akoma Ntoso 3.0 `<debate name="minutes">` (DESIGN §4): FRBR
 * identification, the participants as TLC persons, a roll call by delegation, one
 * `debateSection` per agenda item with its rapporteur, documents and the decisions adopted
 * under it. Built from `assembleMinutes`, so reading follows the minutes' rules (401 anonymous,
 * 404 a meeting the caller cannot read, 409 before the meeting sits) and documents the caller
 * may not read are left out.
 */
export async function minutesAkn(
  ctx: Ctx,
  meetingId: string,
  lang: Lang,
  jurisdiction: string,
): Promise<Download> {
  const m: MinutesModel = await assembleMinutes(ctx, meetingId);
  const body = await getBody(ctx, m.body.id);
  const l = AKN_LABELS[lang];
  const ml = MINUTES_LABELS[lang];
  const work = minutesWork(jurisdiction, body.slug, m.meeting.startDate, m.meeting.number);
  const meetingTitle = pick(m.meeting.name, lang);
  const persons = new Persons(jurisdiction, lang);

  // ---- Roll call: one line per delegation ----
  const rollCall: XmlNode[] = [el('heading', {}, [l.attendance])];
  m.delegations.forEach((d, idx) => {
    const nodes: XmlNode[] = [];
    const label = d.memberState ? pick(d.name, lang) || d.memberState : pick(d.name, lang);
    const orgId = d.memberState
      ? `delegation_${uriPart(d.memberState)}`
      : d.bodyId
        ? `delegation_body_${idx + 1}`
        : null;
    nodes.push(
      orgId ? el('organization', { refersTo: `#${orgId}` }, [label]) : ml.inOwnRight,
      ': ',
    );
    d.participants.forEach((p, i) => {
      if (i > 0) {
        nodes.push(', ');
      }
      persons.roles.add(p.role);
      nodes.push(
        el('person', { refersTo: persons.ref(p), as: `#role_${p.role}` }, [pick(p.name, lang)]),
        ` (${ROLE_LABELS[p.role][lang]}${p.position ? `, ${pick(p.position, lang)}` : ''})`,
      );
    });
    rollCall.push(el('p', { eId: `rollCall_1__p_${idx + 1}` }, nodes));
  });
  if (m.delegations.length === 0) {
    rollCall.push(el('p', {}, [l.noParticipants]));
  }

  // ---- One debateSection per agenda item ----
  const sections: XmlElement[] = m.agenda.map((item, idx) => {
    const eId = `dbsect_${idx + 1}`;
    const children: (XmlNode | null)[] = [
      el('num', {}, [`${item.position}.`]),
      el('heading', {}, [pick(item.title, lang)]),
    ];
    if (item.rapporteur) {
      children.push(
        el('p', { eId: `${eId}__p_rapporteur` }, [
          `${l.rapporteur}: `,
          el('person', { refersTo: persons.ref(item.rapporteur) }, [
            pick(item.rapporteur.name, lang),
          ]),
        ]),
      );
    }
    if (item.description) {
      children.push(...markdownToBlocks(pick(item.description, lang), `${eId}__`));
    }
    if (item.documents.length > 0) {
      children.push(
        el('p', { eId: `${eId}__p_documents` }, [
          `${ml.documents}: ${item.documents.map((d) => pick(d.title, lang)).join('; ')}`,
        ]),
      );
    }
    children.push(
      el('p', { eId: `${eId}__p_decisions` }, [
        item.decisions.length > 0 ? `${l.decisionsAdopted}:` : l.noDecisions,
      ]),
      ...item.decisions.flatMap((d, i) =>
        recordedDecision(d, jurisdiction, lang, `${eId}__p_decision_${i + 1}`),
      ),
    );
    return el('debateSection', { eId, name: 'agendaItem' }, children);
  });
  if (m.otherDecisions.length > 0) {
    const eId = `dbsect_${sections.length + 1}`;
    sections.push(
      el('debateSection', { eId, name: 'otherDecisions' }, [
        el('heading', {}, [ml.otherDecisions]),
        ...m.otherDecisions.flatMap((d, i) =>
          recordedDecision(d, jurisdiction, lang, `${eId}__p_decision_${i + 1}`),
        ),
      ]),
    );
  }
  const written = m.writtenDecisions ?? [];
  if (written.length > 0) {
    const eId = `dbsect_${sections.length + 1}`;
    sections.push(
      el('debateSection', { eId, name: 'writtenProcedure' }, [
        el('heading', {}, [MINUTES_WORDS.writtenDecisions[lang]]),
        el('p', { eId: `${eId}__p_intro` }, [MINUTES_WORDS.writtenIntro[lang]]),
        ...written.flatMap((d, i) =>
          recordedDecision(d, jurisdiction, lang, `${eId}__p_decision_${i + 1}`),
        ),
      ]),
    );
  }
  if (m.agenda.length === 0 && sections.length === 0) {
    sections.push(
      el('debateSection', { eId: 'dbsect_1', name: 'agendaItem' }, [
        el('heading', {}, [l.noAgenda]),
      ]),
    );
  }

  // Persons are registered while the body is built; the references come after.
  const delegations = m.delegations.flatMap((d, idx) =>
    d.memberState
      ? [
          tlcOrganization(
            `delegation_${uriPart(d.memberState)}`,
            jurisdiction,
            `delegation.${d.memberState}`,
            pick(d.name, lang) || d.memberState,
          ),
        ]
      : d.bodyId
        ? [
            tlcOrganization(
              `delegation_body_${idx + 1}`,
              jurisdiction,
              d.bodyId,
              pick(d.name, lang) || d.bodyId,
            ),
          ]
        : [],
  );
  const roles = [...persons.roles].map((role) =>
    el('TLCRole', {
      eId: `role_${role}`,
      href: `/akn/ontology/role/${uriPart(jurisdiction)}/${uriPart(role)}`,
      showAs: ROLE_LABELS[role][lang],
    }),
  );
  const place = [
    m.meeting.city ? pick(m.meeting.city, lang) : '',
    m.meeting.venue ? pick(m.meeting.venue, lang) : '',
  ]
    .filter(Boolean)
    .join(', ');

  const root = el('akomaNtoso', { xmlns: AKN_NS }, [
    el('debate', { name: 'minutes' }, [
      el('meta', {}, [
        identification({
          work,
          lang,
          versionDate: m.meeting.startDate,
          dateName: 'meeting',
          author: AUTHOR,
          source: SECRETARIAT,
          name: `${ml.minutes}: ${meetingTitle}`,
          generatedOn: todayIso(),
        }),
        el('references', { source: `#${SECRETARIAT}` }, [
          tlcOrganization(AUTHOR, jurisdiction, body.slug, pick(m.body.name, lang)),
          tlcOrganization(SECRETARIAT, jurisdiction, 'secretariat', l.secretariat),
          ...delegations,
          ...persons.entries,
          ...roles,
        ]),
      ]),
      el('preface', {}, [
        el('p', { class: 'title' }, [el('docTitle', {}, [ml.minutes])]),
        el('p', {}, [meetingTitle]),
        el('p', {}, [
          `${l.heldOn} `,
          el('docDate', { date: m.meeting.startDate }, [dateInText(m.meeting.startDate, lang)]),
          m.meeting.endDate !== m.meeting.startDate
            ? ` — ${dateInText(m.meeting.endDate, lang)}`
            : null,
          place ? `, ${place}` : null,
        ]),
      ]),
      el('debateBody', {}, [el('rollCall', { eId: 'rollCall_1' }, rollCall), ...sections]),
    ]),
  ]);
  const fileName = `minutes-${uriPart(body.slug)}-${m.meeting.number}-${lang}`;
  return {
    name: fileName,
    localName: fileName,
    extension: 'akn.xml',
    contentType: AKN_CONTENT_TYPE,
    body: Buffer.from(serialize(root), 'utf8'),
  };
}
