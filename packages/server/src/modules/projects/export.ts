import type { ProjectListItem, ProjectStatus } from '@plenum/shared';
import { type Download, datedDownload, tableOutput } from '../exports/download.ts';
import { pick } from '../exports/labels.ts';
import type { Column, TableRow, Tone } from '../exports/table.ts';

export type Lang = 'en' | 'ru';
export type Format = 'csv' | 'xlsx';
type Both = Record<Lang, string>;

export const PROJECT_KIND_LABELS: Record<ProjectListItem['kind'], Both> = {
  joint_venture: { en: 'Joint venture', ru: 'Совместное предприятие' },
  joint_rnd: { en: 'Joint R&D', ru: 'Совместные НИОКР' },
  co_production: { en: 'Co-production', ru: 'Производственная кооперация' },
  modernization: { en: 'Modernization', ru: 'Модернизация' },
  repair: { en: 'Repair', ru: 'Ремонт' },
  disposal: { en: 'Disposal', ru: 'Утилизация' },
};

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, Both> = {
  proposed: { en: 'Proposed', ru: 'Предложен' },
  approved: { en: 'Approved', ru: 'Одобрен' },
  active: { en: 'Active', ru: 'Реализуется' },
  completed: { en: 'Completed', ru: 'Завершён' },
  terminated: { en: 'Terminated', ru: 'Прекращён' },
};

const STATUS_TONES: Record<ProjectStatus, Tone> = {
  proposed: 'neutral',
  approved: 'progress',
  active: 'progress',
  completed: 'good',
  terminated: 'bad',
};

const HEADINGS: Record<Lang, string[]> = {
  en: [
    'Title',
    'Kind',
    'Status',
    'Lead',
    'Partners',
    'Member states',
    'Start',
    'End',
    'Decisions',
    'Program measures',
  ],
  ru: [
    'Наименование',
    'Вид',
    'Статус',
    'Головная организация',
    'Партнёры',
    'Государства-члены',
    'Начало',
    'Окончание',
    'Решения',
    'Мероприятия программ',
  ],
};

const orgLabel = (p: ProjectListItem['participants'][number], lang: Lang) =>
  `${pick(p.organization.name, lang)} (${p.organization.memberState})`;

/** The register's rows as CSV or XLSX, streamed batch by batch. */
export function projectExport(
  batches: AsyncIterable<ProjectListItem[]>,
  lang: Lang,
  format: Format,
  today: string,
): Download {
  const h = HEADINGS[lang];
  const widths = [50, 24, 14, 36, 50, 16, 12, 12, 20, 50];
  const columns: Column[] = h.map((header, i) => ({
    header,
    width: widths[i] ?? 20,
    wrap: i === 0 || i === 4 || i === 9,
    kind: i === 6 || i === 7 ? 'date' : 'text',
  }));
  async function* rows(): AsyncGenerator<TableRow> {
    for await (const batch of batches) {
      for (const p of batch) {
        const lead = p.participants.find((x) => x.role === 'lead');
        yield {
          cells: [
            pick(p.title, lang),
            PROJECT_KIND_LABELS[p.kind][lang],
            PROJECT_STATUS_LABELS[p.status][lang],
            lead ? orgLabel(lead, lang) : '',
            p.participants
              .filter((x) => x.role === 'partner')
              .map((x) => orgLabel(x, lang))
              .join('; '),
            p.memberStates.join(', '),
            p.startDate,
            p.endDate,
            p.decisions.map((d) => d.number).join(', '),
            p.measures.map((m) => pick(m.title, lang)).join('; '),
          ],
          tones: [null, null, STATUS_TONES[p.status]],
        };
      }
    }
  }
  return datedDownload(
    { en: 'projects', ru: 'проекты' },
    lang,
    format,
    today,
    tableOutput(columns, rows(), lang === 'ru' ? 'Проекты' : 'Projects', format),
  );
}
