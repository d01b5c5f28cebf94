import type { MeasureStatus, ProgramListQuery, ProgramStatus } from '@plenum/shared';
import type { Ctx } from '../../platform/context.ts';
import { todayIso } from '../../platform/context.ts';
import { parseText } from '../../platform/text.ts';
import { type Download, datedDownload, type Format, tableOutput } from '../exports/download.ts';
import { type Lang, pick } from '../exports/labels.ts';
import type { Column, TableRow, Tone } from '../exports/table.ts';
import { bodyLabels } from '../standards/export.ts';
import * as repo from './repository.ts';
import { getProgram, listMeasures, programBatches } from './service.ts';

type Both = Record<Lang, string>;

export const PROGRAM_STATUS_LABELS: Record<ProgramStatus, Both> = {
  planned: { en: 'planned', ru: 'запланирована' },
  active: { en: 'active', ru: 'выполняется' },
  completed: { en: 'completed', ru: 'завершена' },
  cancelled: { en: 'cancelled', ru: 'отменена' },
};

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, Both> = {
  planned: { en: 'planned', ru: 'запланировано' },
  in_progress: { en: 'in progress', ru: 'выполняется' },
  completed: { en: 'completed', ru: 'выполнено' },
  cancelled: { en: 'cancelled', ru: 'отменено' },
};

const OVERDUE: Both = { en: 'overdue', ru: 'просрочено' };

const PROGRAM_HEADINGS: Record<Lang, string[]> = {
  en: ['Title', 'From', 'To', 'Status', 'Progress, %', 'Measures', 'Overdue', 'Body', 'Decisions'],
  ru: [
    'Наименование',
    'С',
    'По',
    'Статус',
    'Выполнение, %',
    'Мероприятий',
    'Просрочено',
    'Орган',
    'Решения',
  ],
};

const MEASURE_HEADINGS: Record<Lang, string[]> = {
  en: [
    'No.',
    'Measure',
    'Responsible states',
    'Responsible organizations',
    'Start',
    'Due',
    'Status',
    'Progress, %',
  ],
  ru: [
    '№',
    'Мероприятие',
    'Ответственные государства',
    'Ответственные организации',
    'Начало',
    'Срок',
    'Статус',
    'Выполнение, %',
  ],
};

function measureTone(status: MeasureStatus, overdue: boolean): Tone {
  if (status === 'completed') {
    return 'good';
  }
  if (status === 'cancelled') {
    return 'neutral';
  }
  return overdue ? 'bad' : 'progress';
}

/** GET /programs/export.csv|xlsx: the programs under the list's filters, in its order. */
export async function exportPrograms(
  ctx: Ctx,
  q: Omit<ProgramListQuery, 'limit' | 'cursor'>,
  lang: Lang,
  format: Format,
): Promise<Download> {
  const batches = await programBatches(ctx, q);
  const bodies = await bodyLabels(ctx.db, lang);
  const widths = [60, 12, 12, 16, 12, 12, 12, 20, 20];
  const columns: Column[] = PROGRAM_HEADINGS[lang].map((header, i) => ({
    header,
    width: widths[i] as number,
    ...(i === 0 ? { wrap: true } : {}),
    ...(i === 1 || i === 2 ? { kind: 'date' as const } : {}),
    ...(i >= 4 && i <= 6 ? { kind: 'number' as const } : {}),
  }));
  async function* rows(): AsyncGenerator<TableRow> {
    for await (const batch of batches) {
      for (const p of batch) {
        yield {
          cells: [
            pick(p.title, lang),
            p.periodFrom,
            p.periodTo,
            PROGRAM_STATUS_LABELS[p.status][lang],
            p.progress,
            p.measureCount,
            p.overdueMeasures,
            p.bodyId ? (bodies.get(p.bodyId) ?? '') : null,
            p.decisions.map((d) => d.number).join(', '),
          ],
          tones: [null, null, null, null, null, null, p.overdueMeasures > 0 ? 'bad' : null],
        };
      }
    }
  }
  return datedDownload(
    { en: 'programs', ru: 'программы' },
    lang,
    format,
    todayIso(),
    tableOutput(columns, rows(), lang === 'ru' ? 'Программы' : 'Programs', format),
  );
}

/** GET /programs/{id}/measures/export.csv|xlsx: the measures tree in code order. */
export async function exportMeasures(
  ctx: Ctx,
  programId: string,
  lang: Lang,
  format: Format,
): Promise<Download> {
  const program = await getProgram(ctx, programId);
  const { items } = await listMeasures(ctx, programId);
  const orgs = new Map(
    (
      await repo.organizationNames(ctx.db, [
        ...new Set(items.flatMap((m) => m.responsibleOrganizationIds)),
      ])
    ).map((o) => [o.id, pick(parseText(o.name), lang)]),
  );
  const widths = [8, 60, 18, 36, 12, 12, 16, 12];
  const columns: Column[] = MEASURE_HEADINGS[lang].map((header, i) => ({
    header,
    width: widths[i] as number,
    ...(i === 1 || i === 3 ? { wrap: true } : {}),
    ...(i === 4 || i === 5 ? { kind: 'date' as const } : {}),
    ...(i === 7 ? { kind: 'number' as const } : {}),
  }));
  async function* rows(): AsyncGenerator<TableRow> {
    for (const m of items) {
      const status = MEASURE_STATUS_LABELS[m.status][lang];
      yield {
        cells: [
          m.code,
          pick(m.title, lang),
          m.responsibleMemberStates.join(', '),
          m.responsibleOrganizationIds.map((id) => orgs.get(id) ?? '').join('; '),
          m.startDate,
          m.dueDate,
          m.overdue ? `${status}, ${OVERDUE[lang]}` : status,
          m.progress,
        ],
        tones: [null, null, null, null, null, null, measureTone(m.status, m.overdue)],
      };
    }
  }
  // The title goes into a file name: no path or reserved characters.
  const title = pick(program.title, lang)
    .slice(0, 40)
    .replace(/[\\/:*?"<>|\s]+/g, '-');
  return datedDownload(
    { en: 'program-measures', ru: `мероприятия-${title}` },
    lang,
    format,
    todayIso(),
    tableOutput(columns, rows(), lang === 'ru' ? 'Мероприятия' : 'Measures', format),
  );
}
