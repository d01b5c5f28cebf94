import type { Lang } from '../exports/labels.ts';

/** The import's own messages, in each interface language (values are filled in). */
export const IMPORT_MESSAGES = {
  en: {
    empty: 'The file is empty.',
    noRows: 'The file has a header but no rows below it.',
    noFile: 'Send one file in the multipart field "file".',
    notMultipart: 'Send the file as multipart/form-data in the field "file".',
    wrongType: 'Send a CSV file (UTF-8) or an XLSX workbook.',
    notUtf8: 'The CSV file is not UTF-8 text; save it as CSV UTF-8 and send it again.',
    unreadableXlsx: 'The file is not a readable XLSX workbook.',
    tooLarge: (mb: number) => `The file is larger than ${mb} MB; split it into several files.`,
    tooManyRows: (max: number) =>
      `The file has more than ${max.toLocaleString('en')} rows; split it into several files.`,
    malformedCsv: (line: number | null, what: string) =>
      `The CSV file is not well-formed${line ? ` at line ${line}` : ''}: ${what}.`,
    csvQuote: 'a quoted value is not closed',
    csvClosingQuote: 'a quote is followed by something other than a separator',
    csvOther: 'it cannot be read as CSV',
    unknownColumn: (allowed: string) => `Unknown column; the columns are ${allowed}`,
    duplicateColumn: 'This column appears twice',
    missingColumn: 'This column is required',
    missingName: 'Give the column name_en or name_ru (or both)',
    strayValue: 'A value stands in a column without a header',
    noSuchState: 'No such member state',
    sameAsRow: (row: number) => `The same record as row ${row}`,
    ambiguous:
      'Several records in the directory have this name and member state; change them in the directory',
    refused: 'Nothing was saved: correct the rows with problems and upload the file again.',
  },
  ru: {
    empty: 'Файл пуст.',
    noRows: 'В файле есть строка заголовков, но нет строк под ней.',
    noFile: 'Отправьте один файл в поле multipart «file».',
    notMultipart: 'Отправьте файл как multipart/form-data в поле «file».',
    wrongType: 'Отправьте файл CSV (UTF-8) или книгу XLSX.',
    notUtf8: 'Файл CSV не в кодировке UTF-8; сохраните его как «CSV UTF-8» и отправьте снова.',
    unreadableXlsx: 'Файл не удаётся прочитать как книгу XLSX.',
    tooLarge: (mb: number) => `Файл больше ${mb} МБ; разделите его на несколько файлов.`,
    tooManyRows: (max: number) =>
      `В файле больше ${max.toLocaleString('ru')} строк; разделите его на несколько файлов.`,
    malformedCsv: (line: number | null, what: string) =>
      `Файл CSV составлен неверно${line ? ` в строке ${line}` : ''}: ${what}.`,
    csvQuote: 'значение в кавычках не закрыто',
    csvClosingQuote: 'за закрывающей кавычкой стоит не разделитель',
    csvOther: 'его не удаётся прочитать как CSV',
    unknownColumn: (allowed: string) => `Неизвестный столбец; допустимые столбцы: ${allowed}`,
    duplicateColumn: 'Этот столбец указан дважды',
    missingColumn: 'Этот столбец обязателен',
    missingName: 'Укажите столбец name_en или name_ru (или оба)',
    strayValue: 'Значение стоит в столбце без заголовка',
    noSuchState: 'Такого государства-члена нет',
    sameAsRow: (row: number) => `Та же запись, что в строке ${row}`,
    ambiguous:
      'В справочнике несколько записей с таким названием и государством; измените их в справочнике',
    refused: 'Ничего не сохранено: исправьте строки с ошибками и загрузите файл снова.',
  },
} satisfies Record<Lang, Record<string, unknown>>;

export type ImportMessages = (typeof IMPORT_MESSAGES)['en'];
export const messagesOf = (lang: Lang): ImportMessages => IMPORT_MESSAGES[lang];
