import { getDecision } from '../../modules/decisions/service.ts';
import { getBody } from '../../modules/directory/bodies.service.ts';
import type { Download } from '../../modules/exports/download.ts';
import { dateInText, type Lang, pick } from '../../modules/exports/labels.ts';
import { getMeeting } from '../../modules/meetings/service.ts';
import { type Ctx, todayIso } from '../../platform/context.ts';
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
import { AKN_LABELS, DECISION_NAME } from './labels.ts';
import { markdownToAkn } from './markdown.ts';
import { el, serialize } from './xml.ts';

const AUTHOR = 'adoptingBody';

/**
 * The language a file is written in: the asked one when the decision's text has it, else the
 * other. The expression's FRBRlanguage and IRI then say truthfully which language the text is
 * in, rather than labelling an English text as Russian.
 */
export function textLanguage(text: { en?: string; ru?: string }, asked: Lang): Lang {
  if (text[asked] !== undefined) {
    return asked;
  }
  return asked === 'en' ? 'ru' : 'en';
}

/** The work of a decision: /akn/{country}/doc/decision/{adoption date}/{number}. */
export function decisionWork(jurisdiction: string, adoptedOn: string, number: string): WorkId {
  return { jurisdiction, type: 'doc', subtype: 'decision', date: adoptedOn, number };
}

/**
 * A decision as an Akoma Ntoso 3.0 `<doc name="decision">` (DESIGN §4): FRBR identification,
 * the adopting body as author, a preface with title, number and date, and the Markdown text as
 * numbered paragraphs. Reading follows the decision's access rule (404/401 as GET /decisions/{id}).
 */
export async function decisionAkn(
  ctx: Ctx,
  id: string,
  asked: Lang,
  jurisdiction: string,
): Promise<Download> {
  const decision = await getDecision(ctx, id);
  const body = await getBody(ctx, decision.bodyId);
  const meeting = decision.meetingId ? await getMeeting(ctx, decision.meetingId) : null;
  const lang = textLanguage(decision.text, asked);
  const l = AKN_LABELS[lang];
  const kind = DECISION_NAME[decision.kind][lang];
  const name = `${kind} ${decision.number}`;
  const work = decisionWork(jurisdiction, decision.adoptedOn, decision.number);
  const u = iris(work, lang, decision.adoptedOn);

  const root = el('akomaNtoso', { xmlns: AKN_NS }, [
    el('doc', { name: 'decision' }, [
      el('meta', {}, [
        identification({
          work,
          lang,
          versionDate: decision.adoptedOn,
          dateName: 'adoption',
          author: AUTHOR,
          source: SECRETARIAT,
          name,
          generatedOn: todayIso(),
        }),
        el('lifecycle', { source: `#${SECRETARIAT}` }, [
          el('eventRef', {
            eId: 'evt_adoption',
            date: decision.adoptedOn,
            source: '#original',
            type: 'generation',
          }),
        ]),
        el('references', { source: `#${SECRETARIAT}` }, [
          el('original', { eId: 'original', href: u.expression, showAs: name }),
          tlcOrganization(AUTHOR, jurisdiction, body.slug, pick(body.name, lang)),
          tlcOrganization(SECRETARIAT, jurisdiction, 'secretariat', l.secretariat),
        ]),
      ]),
      el('preface', {}, [
        el('p', { class: 'title' }, [el('docTitle', {}, [pick(decision.title, lang)])]),
        el('p', {}, [
          el('docType', {}, [kind]),
          ' ',
          el('docNumber', {}, [decision.number]),
          `, ${l.adoptedOn} `,
          el('docDate', { date: decision.adoptedOn }, [dateInText(decision.adoptedOn, lang)]),
        ]),
        meeting
          ? el('p', {}, [`${l.adoptedAt} `, el('docAuthority', {}, [pick(meeting.name, lang)])])
          : null,
      ]),
      el('mainBody', {}, markdownToAkn(pick(decision.text, lang))),
    ]),
  ]);
  const fileName = `decision-${uriPart(decision.number)}-${lang}`;
  return {
    name: fileName,
    localName: fileName,
    extension: 'akn.xml',
    contentType: AKN_CONTENT_TYPE,
    body: Buffer.from(serialize(root), 'utf8'),
  };
}
