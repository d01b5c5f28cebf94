import type { Lang } from '../../modules/exports/labels.ts';

/** The words of meeting packs, in both languages. */
export const PACK_LABELS: Record<
  Lang,
  {
    pack: string;
    addendum: (n: number) => string;
    addendumTo: (n: number, meeting: string) => string;
    issuedOn: string;
    restrictedNote: string;
    agenda: string;
    coverAndAgenda: string;
    addendumAgenda: string;
    noAgenda: string;
    nothingAttached: string;
    version: (n: number) => string;
    notEmbedded: string;
    noFile: string;
    unreadable: string;
    fileName: (sequence: number, numeral: string) => string;
  }
> = {
  en: {
    pack: 'Meeting pack',
    addendum: (n) => `Addendum ${n}`,
    addendumTo: (n, meeting) => `Addendum ${n} to the pack of the ${meeting}`,
    issuedOn: 'Issued on',
    restrictedNote:
      'Documents of restricted distribution are not part of this pack: those entitled to them find them in the workspace.',
    agenda: 'Agenda',
    coverAndAgenda: 'Cover and agenda',
    addendumAgenda: 'Material added or changed since the previous issue',
    noAgenda: 'The agenda has no items yet.',
    nothingAttached: 'No documents.',
    version: (n) => `version ${n}`,
    notEmbedded: 'not a PDF: available in the workspace',
    noFile: 'text only: available in the workspace',
    unreadable: 'the PDF could not be included: available in the workspace',
    fileName: (sequence, numeral) =>
      sequence === 0 ? `meeting-${numeral}-pack` : `meeting-${numeral}-pack-addendum-${sequence}`,
  },
  ru: {
    pack: 'Комплект документов заседания',
    addendum: (n) => `Дополнение ${n}`,
    addendumTo: (n, meeting) => `Дополнение ${n} к комплекту документов: ${meeting}`,
    issuedOn: 'Дата выпуска:',
    restrictedNote:
      'Документы ограниченного распространения в комплект не входят: имеющие к ним доступ найдут их в рабочем пространстве.',
    agenda: 'Повестка дня',
    coverAndAgenda: 'Обложка и повестка дня',
    addendumAgenda: 'Материалы, добавленные или изменённые после предыдущего выпуска',
    noAgenda: 'В повестке пока нет пунктов.',
    nothingAttached: 'Документов нет.',
    version: (n) => `редакция ${n}`,
    notEmbedded: 'не PDF: доступен в рабочем пространстве',
    noFile: 'только текст: доступен в рабочем пространстве',
    unreadable: 'PDF не удалось включить: доступен в рабочем пространстве',
    fileName: (sequence, numeral) =>
      sequence === 0
        ? `заседание-${numeral}-комплект`
        : `заседание-${numeral}-комплект-дополнение-${sequence}`,
  },
};
