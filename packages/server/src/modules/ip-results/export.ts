import type { IpResultListItem } from '@plenum/shared';
import { type Download, datedDownload, tableOutput } from '../exports/download.ts';
import { dateInText, pick } from '../exports/labels.ts';
import type { Column, TableRow } from '../exports/table.ts';

export type Lang = 'en' | 'ru';
export type Format = 'csv' | 'xlsx';
type Both = Record<Lang, string>;

export const IP_KIND_LABELS: Record<IpResultListItem['kind'], Both> = {
  invention: { en: 'Invention', ru: 'Изобретение' },
  utility_model: { en: 'Utility model', ru: 'Полезная модель' },
  industrial_design: { en: 'Industrial design', ru: 'Промышленный образец' },
  software: { en: 'Software', ru: 'Программа для ЭВМ' },
  know_how: { en: 'Know-how', ru: 'Ноу-хау' },
  other: { en: 'Other', ru: 'Иное' },
};

export const PROTECTION_STATUS_LABELS: Record<
  IpResultListItem['protections'][number]['status'],
  Both
> = {
  filed: { en: 'filed', ru: 'заявка подана' },
  granted: { en: 'granted', ru: 'охранный документ выдан' },
  refused: { en: 'refused', ru: 'отказано' },
  expired: { en: 'expired', ru: 'срок действия истёк' },
};

const CLASSIFICATION_LABELS: Record<IpResultListItem['classification'], Both> = {
  public: { en: 'Public', ru: 'Открытый' },
  internal: { en: 'Internal', ru: 'Для служебного пользования' },
  restricted: { en: 'Confidential', ru: 'Конфиденциально' },
};

const HEADINGS: Record<Lang, string[]> = {
  en: ['Title', 'Kind', 'Project', 'Classification', 'Rights holders', 'Protection', 'Decisions'],
  ru: ['Наименование', 'Вид', 'Проект', 'Доступ', 'Правообладатели', 'Правовая охрана', 'Решения'],
};

const share = (n: number, lang: Lang) =>
  `${lang === 'ru' ? String(n).replace('.', ',') : String(n)}%`;

/** The IP register's rows (the caller's readable results only) as CSV or XLSX. */
export function ipResultExport(
  batches: AsyncIterable<IpResultListItem[]>,
  lang: Lang,
  format: Format,
  today: string,
): Download {
  const widths = [50, 20, 40, 18, 50, 60, 20];
  const columns: Column[] = HEADINGS[lang].map((header, i) => ({
    header,
    width: widths[i] ?? 20,
    wrap: i === 0 || i === 2 || i === 4 || i === 5,
  }));
  async function* rows(): AsyncGenerator<TableRow> {
    for await (const batch of batches) {
      for (const r of batch) {
        yield {
          cells: [
            pick(r.title, lang),
            IP_KIND_LABELS[r.kind][lang],
            r.project ? pick(r.project.title, lang) : '',
            CLASSIFICATION_LABELS[r.classification][lang],
            r.rightsHolders
              .map((h) =>
                h.organizationName
                  ? `${pick(h.organizationName, lang)} (${h.memberState}) ${share(h.share, lang)}`
                  : `${h.memberState} ${share(h.share, lang)}`,
              )
              .join('; '),
            r.protections
              .map((p) =>
                [
                  `${p.memberState}: ${PROTECTION_STATUS_LABELS[p.status][lang]}`,
                  p.number ? `№ ${p.number}` : null,
                  p.date ? dateInText(p.date, lang) : null,
                ]
                  .filter(Boolean)
                  .join(', '),
              )
              .join('; '),
            r.decisions.map((d) => d.number).join(', '),
          ],
        };
      }
    }
  }
  return datedDownload(
    { en: 'ip-results', ru: 'рид' },
    lang,
    format,
    today,
    tableOutput(columns, rows(), lang === 'ru' ? 'РИД' : 'IP results', format),
  );
}
