import type {
  AdoptionMatrixQuery,
  AdoptionStatus,
  LocalizedText,
  StandardListQuery,
  StandardStatus,
} from '@plenum/shared';
import type { Ctx, Tx } from '../../platform/context.ts';
import { todayIso } from '../../platform/context.ts';
import { parseText, parseTextOrNull } from '../../platform/text.ts';
import { type Download, datedDownload, type Format, tableOutput } from '../exports/download.ts';
import { type Lang, pick } from '../exports/labels.ts';
import type { Column, TableRow, Tone } from '../exports/table.ts';
import * as repo from './repository.ts';
import { adoptionMatrix, standardBatches } from './service.ts';

type Both = Record<Lang, string>;

export const STANDARD_STATUS_LABELS: Record<StandardStatus, Both> = {
  planned: { en: 'planned', ru: 'запланирован' },
  in_development: { en: 'in development', ru: 'в разработке' },
  under_consultation: { en: 'under consultation', ru: 'на согласовании' },
  adopted: { en: 'adopted', ru: 'принят' },
  withdrawn: { en: 'withdrawn', ru: 'отменён' },
};

export const ADOPTION_STATUS_LABELS: Record<AdoptionStatus, Both> = {
  pending: { en: 'pending', ru: 'не рассмотрен' },
  adopted: { en: 'adopted', ru: 'принят' },
  adopted_with_reservations: { en: 'adopted with reservations', ru: 'принят с оговорками' },
  not_adopted: { en: 'not adopted', ru: 'не принят' },
};

const ADOPTION_TONES: Record<AdoptionStatus, Tone> = {
  pending: 'neutral',
  adopted: 'good',
  adopted_with_reservations: 'progress',
  not_adopted: 'bad',
};

const HEADINGS: Record<Lang, string[]> = {
  en: [
    'Designation',
    'Title',
    'Status',
    'Lead state',
    'Body',
    'Decisions',
    'Adopted',
    'Adopted with reservations',
    'Not adopted',
    'Pending',
  ],
  ru: [
    'Обозначение',
    'Наименование',
    'Статус',
    'Ведущее государство',
    'Орган',
    'Решения',
    'Приняли',
    'Приняли с оговорками',
    'Не приняли',
    'Не рассмотрели',
  ],
};

const MATRIX_FIXED: Record<Lang, string[]> = {
  en: ['Designation', 'Title', 'Status'],
  ru: ['Обозначение', 'Наименование', 'Статус'],
};

const NAMES = {
  register: { en: 'standards', ru: 'стандарты', sheet: { en: 'Standards', ru: 'Стандарты' } },
  matrix: {
    en: 'standards-adoption',
    ru: 'принятие-стандартов',
    sheet: { en: 'Adoption', ru: 'Принятие' },
  },
} as const;

export async function bodyLabels(db: Tx, lang: Lang): Promise<Map<string, string>> {
  const rows = await repo.bodyNames(db);
  return new Map(
    rows.map((b) => {
      const short = parseTextOrNull(b.shortName);
      const name = parseText(b.name) as LocalizedText;
      return [b.id, short?.[lang] ?? name[lang] ?? (pick(short, lang) || pick(name, lang))];
    }),
  );
}

/** GET /standards/export.csv|xlsx: the register under the list's filters and in its order. */
export async function exportStandards(
  ctx: Ctx,
  q: Omit<StandardListQuery, 'limit' | 'cursor'>,
  lang: Lang,
  format: Format,
): Promise<Download> {
  const batches = await standardBatches(ctx, q);
  const bodies = await bodyLabels(ctx.db, lang);
  const h = HEADINGS[lang];
  const widths = [22, 60, 18, 12, 20, 20, 10, 12, 10, 10];
  const columns: Column[] = h.map((header, i) => ({
    header,
    width: widths[i] as number,
    ...(i >= 6 ? { kind: 'number' as const } : {}),
    ...(i === 1 ? { wrap: true } : {}),
  }));
  async function* rows(): AsyncGenerator<TableRow> {
    for await (const batch of batches) {
      for (const s of batch) {
        yield {
          cells: [
            s.designation,
            pick(s.title, lang),
            STANDARD_STATUS_LABELS[s.status][lang],
            s.leadMemberState,
            s.bodyId ? (bodies.get(s.bodyId) ?? '') : null,
            s.decisions.map((d) => d.number).join(', '),
            s.adoptionCounts.adopted,
            s.adoptionCounts.adoptedWithReservations,
            s.adoptionCounts.notAdopted,
            s.adoptionCounts.pending,
          ],
        };
      }
    }
  }
  return datedDownload(
    NAMES.register,
    lang,
    format,
    todayIso(),
    tableOutput(columns, rows(), NAMES.register.sheet[lang], format),
  );
}

/**
 * GET /standards/adoption-matrix/export.csv|xlsx: one row per standard, one column per member
 * state with its adoption status (and national reference); in XLSX the cells are coloured too.
 */
export async function exportAdoptionMatrix(
  ctx: Ctx,
  q: AdoptionMatrixQuery,
  lang: Lang,
  format: Format,
): Promise<Download> {
  const matrix = await adoptionMatrix(ctx, q);
  const columns: Column[] = [
    { header: MATRIX_FIXED[lang][0] as string, width: 22 },
    { header: MATRIX_FIXED[lang][1] as string, width: 50, wrap: true },
    { header: MATRIX_FIXED[lang][2] as string, width: 18 },
    ...matrix.memberStates.map((code) => ({ header: code, width: 24, wrap: true })),
  ];
  async function* rows(): AsyncGenerator<TableRow> {
    for (const row of matrix.rows) {
      yield {
        cells: [
          row.standard.designation,
          pick(row.standard.title, lang),
          STANDARD_STATUS_LABELS[row.standard.status][lang],
          ...row.cells.map((c) => {
            const label = ADOPTION_STATUS_LABELS[c.status][lang];
            return c.nationalReference ? `${label} (${c.nationalReference})` : label;
          }),
        ],
        tones: [null, null, null, ...row.cells.map((c) => ADOPTION_TONES[c.status])],
      };
    }
  }
  return datedDownload(
    NAMES.matrix,
    lang,
    format,
    todayIso(),
    tableOutput(columns, rows(), NAMES.matrix.sheet[lang], format),
  );
}

export type { Download, Format };
