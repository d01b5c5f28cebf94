import type {
  MinutesAgendaItem,
  MinutesDecision,
  MinutesModel,
  MinutesPerson,
  MinutesReview,
  MinutesRevision,
} from '@plenum/shared';
import type { Block, Inline, Section } from './blocks.ts';
import {
  ASSIGNMENT_STATUS_LABELS,
  DECISION_KIND_LABELS,
  DECISION_STATUS_LABELS,
  dateRange,
  fill,
  L,
  type Lang,
  longDate,
} from './labels.ts';
import { markdownBlocks } from './markdown.ts';

/**
 * The minutes and the list of decisions written out as sections of blocks, once per language.
 * Both renderers (pdf.ts, docx.ts) draw these, so the PDF and the DOCX say the same.
 */

/** What is rendered: the model, and the revision it was frozen in (null: the live draft). */
export interface MinutesEdition {
  model: MinutesModel;
  revision: MinutesRevision | null;
}

type Text = { en?: string; ru?: string } | null | undefined;

/** The text in `lang`; when only the other language has it, that one, visibly marked. */
export function textIn(text: Text, lang: Lang, style: Partial<Inline> = {}): Inline[] {
  const own = text?.[lang];
  if (own) {
    return [{ text: own, ...style }];
  }
  const other = text?.[lang === 'en' ? 'ru' : 'en'];
  if (!other) {
    return [];
  }
  return [
    { text: other, ...style },
    { text: ` ${L.fallback[lang]}`, italics: true, muted: true },
  ];
}

/**
 * Markdown in `lang` as blocks, its headings from `baseLevel` down; a fallback to the other
 * language is marked above it.
 */
function markdownIn(text: Text, lang: Lang, baseLevel: 1 | 2 | 3 | 4 = 4): Block[] {
  const own = text?.[lang];
  if (own) {
    return markdownBlocks(own, baseLevel);
  }
  const other = text?.[lang === 'en' ? 'ru' : 'en'];
  if (!other) {
    return [];
  }
  return [
    { type: 'paragraph', inlines: [{ text: L.fallback[lang], italics: true, muted: true }] },
    ...markdownBlocks(other, baseLevel),
  ];
}

const pickPlain = (text: Text, lang: Lang) =>
  text?.[lang] ?? text?.[lang === 'en' ? 'ru' : 'en'] ?? '';

/** "XXI meeting" / "XXI заседании" (where minutes were approved: "at the …" / "на …"). */
const meetingAt = (numeral: string, lang: Lang) =>
  lang === 'en' ? `${numeral} meeting` : `${numeral} заседании`;

/** The body's name after "meeting of": the genitive in Russian when the record has it. */
function bodyAfterOf(model: MinutesModel, lang: Lang): Inline[] {
  if (lang === 'ru' && model.body.nameGenitive?.ru) {
    return [{ text: model.body.nameGenitive.ru }];
  }
  return textIn(model.body.name, lang);
}

function personLine(person: MinutesPerson, lang: Lang): Inline[] {
  const position = pickPlain(person.position, lang);
  return [
    ...textIn(person.name, lang, { bold: true }),
    ...(position ? [{ text: `, ${position}` }] : []),
  ];
}

/** "Revision 2 — draft", "Revision 2 — approved on … at the XXII meeting", or the live banner. */
function revisionLine(edition: MinutesEdition, lang: Lang): string {
  const r = edition.revision;
  if (!r) {
    return L.draftNotIssued[lang];
  }
  if (r.status === 'approved' && r.approvedOn && r.approvedAtNumeral) {
    return fill(L.revisionApproved[lang], {
      n: r.number,
      date: longDate(r.approvedOn, lang),
      meeting: meetingAt(r.approvedAtNumeral, lang),
    });
  }
  return fill(L.revisionDraft[lang], { n: r.number });
}

function placeAndDate(model: MinutesModel, lang: Lang): Block[] {
  const m = model.meeting;
  const place = [
    ...textIn(m.city, lang),
    ...(m.country ? [{ text: m.city ? ', ' : '' }, ...textIn(m.country.name, lang)] : []),
  ];
  const blocks: Block[] = [
    { type: 'spread', left: place, right: [{ text: dateRange(m.startDate, m.endDate, lang) }] },
  ];
  if (m.venue) {
    blocks.push({ type: 'paragraph', inlines: textIn(m.venue, lang) });
  }
  return blocks;
}

function titleBlock(edition: MinutesEdition, lang: Lang, kind: 'minutes' | 'decisions'): Block[] {
  const m = edition.model.meeting;
  const extraordinary = m.kind === 'extraordinary';
  let subtitle: string;
  if (kind === 'minutes') {
    subtitle =
      lang === 'en'
        ? `of the ${m.numeral} ${extraordinary ? 'extraordinary meeting' : 'meeting'} of the `
        : `${m.numeral} ${extraordinary ? 'внеочередного заседания' : 'заседания'} `;
  } else {
    subtitle =
      lang === 'en'
        ? `adopted at the ${m.numeral} ${extraordinary ? 'extraordinary meeting' : 'meeting'} of the `
        : `принятые на ${m.numeral} ${extraordinary ? 'внеочередном заседании' : 'заседании'} `;
  }
  return [
    {
      type: 'title',
      inlines: [{ text: kind === 'minutes' ? L.minutes[lang] : L.decisionsTitle[lang] }],
    },
    { type: 'subtitle', inlines: [{ text: subtitle }, ...bodyAfterOf(edition.model, lang)] },
    ...placeAndDate(edition.model, lang),
    { type: 'banner', inlines: [{ text: revisionLine(edition, lang) }] },
  ];
}

function decisionBlocks(d: MinutesDecision, lang: Lang, level: 2 | 3): Block[] {
  return [
    {
      type: 'heading',
      level,
      inlines: [
        { text: `${DECISION_KIND_LABELS[d.kind][lang]} № ${d.number}. ` },
        ...textIn(d.title, lang),
      ],
    },
    ...markdownIn(d.text, lang, level === 2 ? 3 : 4),
  ];
}

/** The delegations' positions on a decision, each special opinion with its text (issue 8). */
function positionBlocks(d: MinutesDecision, lang: Lang): Block[] {
  if (!d.positions || d.positions.length === 0) {
    return [];
  }
  return [
    { type: 'paragraph', inlines: [{ text: `${L.positions[lang]}:`, italics: true }] },
    {
      type: 'list',
      ordered: false,
      start: 1,
      items: d.positions.map((p) => [
        {
          type: 'paragraph',
          inlines: [
            ...textIn(p.name, lang, { bold: true }),
            { text: `: ${L.position[p.position][lang]}` },
            ...(p.reservation ? [{ text: `. ${L.specialOpinion[lang]}: ` }] : []),
            ...(p.reservation ? textIn(p.reservation, lang, { italics: true }) : []),
          ],
        },
      ]),
    },
  ];
}

/** A decision as the minutes record it: its text, then the positions taken on it. */
function recordedDecisionBlocks(d: MinutesDecision, lang: Lang, level: 2 | 3): Block[] {
  return [...decisionBlocks(d, lang, level), ...positionBlocks(d, lang)];
}

function reviewBlocks(review: MinutesReview, lang: Lang): Block[] {
  const s = review.summary;
  const rows: Inline[][][] = review.entries.map((e) => [
    [{ text: e.number }],
    textIn(e.title, lang),
    [{ text: DECISION_STATUS_LABELS[e.status][lang] }],
    e.assignments.flatMap((a, i) => [
      ...(i > 0 ? [{ text: '\n' }] : []),
      ...textIn(a.assignee, lang, { bold: true }),
      {
        text: `: ${ASSIGNMENT_STATUS_LABELS[a.status][lang]}${a.dueDate ? ` (${L.due[lang]} ${longDate(a.dueDate, lang)})` : ''}`,
      },
    ]),
  ]);
  return [
    { type: 'paragraph', inlines: [{ text: fill(L.reviewSummary[lang], s) }] },
    ...(rows.length > 0
      ? [
          {
            type: 'table' as const,
            header: L.reviewHeadings[lang],
            rows,
            widths: [0.8, 2.5, 2.3, 3],
          },
        ]
      : []),
  ];
}

function previousLine(model: MinutesModel, lang: Lang): Block[] {
  const p = model.previousMeeting;
  if (!p) {
    return [];
  }
  const dates = dateRange(p.startDate, p.endDate, lang);
  let text: string;
  if (p.revision?.status === 'approved' && p.revision.approvedOn && p.revision.approvedAtNumeral) {
    text = fill(L.previousApproved[lang], {
      numeral: p.numeral,
      dates,
      date: longDate(p.revision.approvedOn, lang),
      meeting: meetingAt(p.revision.approvedAtNumeral, lang),
    });
  } else if (p.revision) {
    text = fill(L.previousNotApproved[lang], { numeral: p.numeral, dates, n: p.revision.number });
  } else {
    text = fill(L.previousNone[lang], { numeral: p.numeral, dates });
  }
  return [
    { type: 'heading', level: 3, inlines: [{ text: L.previousMinutes[lang] }] },
    { type: 'paragraph', inlines: [{ text }] },
  ];
}

function delegationSections(model: MinutesModel): Section[] {
  if (model.delegations.length === 0) {
    return [
      (lang) => [
        { type: 'heading', level: 3, inlines: [{ text: `${L.present[lang]}:` }] },
        { type: 'paragraph', inlines: [{ text: L.noParticipants[lang], italics: true }] },
      ],
    ];
  }
  return model.delegations.map((d, index) => (lang: Lang) => {
    const name = pickPlain(d.name, lang);
    const label = d.memberState
      ? fill(L.delegationOf[lang], { name })
      : d.bodyId
        ? fill(L.representativesOf[lang], { name })
        : L.inOwnRight[lang];
    return [
      ...(index === 0
        ? [
            {
              type: 'heading' as const,
              level: 3 as const,
              inlines: [{ text: `${L.present[lang]}:` }],
            },
          ]
        : []),
      { type: 'paragraph', inlines: [{ text: `${label}:`, bold: true }] },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: d.participants.map((p) => [{ type: 'paragraph', inlines: personLine(p, lang) }]),
      },
    ];
  });
}

function agendaItemSections(model: MinutesModel, item: MinutesAgendaItem): Section[] {
  const sections: Section[] = [
    (lang) => {
      const blocks: Block[] = [
        {
          type: 'heading',
          level: item.depth === 1 ? 2 : 3,
          inlines: [{ text: `${item.position}. ` }, ...textIn(item.title, lang)],
        },
        ...markdownIn(item.description, lang),
      ];
      if (item.rapporteur) {
        blocks.push({
          type: 'paragraph',
          inlines: [{ text: `${L.rapporteur[lang]}: ` }, ...personLine(item.rapporteur, lang)],
        });
      }
      if (item.documents.length > 0) {
        blocks.push(
          { type: 'paragraph', inlines: [{ text: `${L.documents[lang]}:`, italics: true }] },
          {
            type: 'list',
            ordered: false,
            start: 1,
            items: item.documents.map((doc) => [
              { type: 'paragraph', inlines: textIn(doc.title, lang) },
            ]),
          },
        );
      }
      if (item.kind === 'implementation_review' && model.review) {
        blocks.push(...reviewBlocks(model.review, lang));
      }
      if (item.decisions.length > 0) {
        blocks.push({ type: 'paragraph', inlines: [{ text: L.decided[lang], bold: true }] });
      }
      return blocks;
    },
  ];
  for (const d of item.decisions) {
    sections.push((lang) => recordedDecisionBlocks(d, lang, 3));
  }
  return sections;
}

/** The minutes of a meeting, section by section. */
export function minutesSections(edition: MinutesEdition): Section[] {
  const { model } = edition;
  const sections: Section[] = [(lang) => titleBlock(edition, lang, 'minutes')];
  if (model.chair) {
    const chair = model.chair;
    sections.push((lang) => [
      { type: 'paragraph', inlines: [{ text: `${L.chair[lang]}: ` }, ...personLine(chair, lang)] },
    ]);
  }
  sections.push(...delegationSections(model));
  const attendance = model.attendance;
  if (attendance && attendance.length > 0) {
    sections.push((lang) => [
      { type: 'heading', level: 3, inlines: [{ text: `${L.attendance[lang]}:` }] },
      {
        type: 'paragraph',
        inlines: attendance.flatMap((a, i) => [
          ...(i > 0 ? [{ text: ', ' }] : []),
          ...textIn(a.name, lang),
        ]),
      },
    ]);
  }
  if (model.previousMeeting) {
    sections.push((lang) => previousLine(model, lang));
  }
  sections.push((lang) => [
    { type: 'heading', level: 2, inlines: [{ text: L.agenda[lang] }] },
    ...(model.agenda.length === 0
      ? [{ type: 'paragraph' as const, inlines: [{ text: L.noAgenda[lang], italics: true }] }]
      : model.agenda.map(
          (item): Block => ({
            type: 'paragraph',
            inlines: [
              { text: `${'    '.repeat(item.depth - 1)}${item.position}. ` },
              ...textIn(item.title, lang),
            ],
          }),
        )),
  ]);
  sections.push(() => [{ type: 'rule' }]);
  for (const item of model.agenda) {
    sections.push(...agendaItemSections(model, item));
  }
  const review = model.review;
  if (review && !model.agenda.some((i) => i.kind === 'implementation_review')) {
    sections.push((lang) => [
      { type: 'heading', level: 2, inlines: [{ text: L.review[lang] }] },
      ...reviewBlocks(review, lang),
    ]);
  }
  if (model.otherDecisions.length > 0) {
    sections.push((lang) => [
      { type: 'heading', level: 2, inlines: [{ text: L.otherDecisions[lang] }] },
    ]);
    for (const d of model.otherDecisions) {
      sections.push((lang) => recordedDecisionBlocks(d, lang, 3));
    }
  }
  const written = model.writtenDecisions ?? [];
  if (written.length > 0) {
    sections.push((lang) => [
      { type: 'heading', level: 2, inlines: [{ text: L.writtenDecisions[lang] }] },
      { type: 'paragraph', inlines: [{ text: L.writtenIntro[lang] }] },
    ]);
    for (const d of written) {
      sections.push((lang) => [
        ...recordedDecisionBlocks(d, lang, 3),
        {
          type: 'paragraph',
          inlines: [
            { text: fill(L.adoptedOn[lang], { date: longDate(d.adoptedOn, lang) }), muted: true },
          ],
        },
      ]);
    }
  }
  sections.push((lang) => [
    {
      type: 'signatures',
      rows: [
        {
          role: L.signatures.chair[lang],
          name: model.chair ? pickPlain(model.chair.name, lang) : '',
        },
        {
          role: L.signatures.secretary[lang],
          name: model.secretary ? pickPlain(model.secretary.name, lang) : '',
        },
      ],
    },
  ]);
  return sections;
}

/** Every decision adopted at the meeting, in order: under agenda items, then the others. */
export function meetingDecisions(model: MinutesModel): MinutesDecision[] {
  return [...model.agenda.flatMap((i) => i.decisions), ...model.otherDecisions];
}

/** The list of a meeting's decisions: number, kind, title and text of each. */
export function decisionsSections(edition: MinutesEdition): Section[] {
  const decisions = meetingDecisions(edition.model);
  const sections: Section[] = [(lang) => titleBlock(edition, lang, 'decisions')];
  if (decisions.length === 0) {
    sections.push((lang) => [
      { type: 'paragraph', inlines: [{ text: L.decisionsNone[lang], italics: true }] },
    ]);
  }
  for (const d of decisions) {
    sections.push((lang) => [
      ...decisionBlocks(d, lang, 2),
      {
        type: 'paragraph',
        inlines: [
          { text: fill(L.adoptedOn[lang], { date: longDate(d.adoptedOn, lang) }), muted: true },
        ],
      },
    ]);
  }
  return sections;
}

/** The running header: the body's name. */
export function runningHeader(model: MinutesModel, lang: Lang | 'bilingual'): string {
  if (lang === 'bilingual') {
    const en = model.body.name.en;
    const ru = model.body.name.ru;
    return en && ru ? `${en} / ${ru}` : (en ?? ru ?? '');
  }
  return pickPlain(model.body.name, lang);
}

/** "Page 3 of 7" / "Стр. 3 из 7" (both in a bilingual edition). */
export function pageLabel(lang: Lang | 'bilingual', page: number, pages: number): string {
  if (lang === 'bilingual') {
    return `${fill(L.page.en, { page, pages })} / ${fill(L.page.ru, { page, pages })}`;
  }
  return fill(L.page[lang], { page, pages });
}
