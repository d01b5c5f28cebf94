/**
 * Validation messages that schemas use as keys, in every interface language. The server
 * answers in the caller's language; the web client reads the same table.
 */
export const VALIDATION_MESSAGES = {
  'v.localizedText': {
    en: 'Give the text in at least one language',
    ru: 'Укажите текст хотя бы на одном языке',
  },
  'v.stateCode': {
    en: 'Use a three-letter ISO 3166-1 alpha-3 code in capitals',
    ru: 'Укажите трёхбуквенный код ISO 3166-1 alpha-3 заглавными буквами',
  },
  'v.timeZone': {
    en: 'Use an IANA time zone such as Asia/Dushanbe',
    ru: 'Укажите часовой пояс IANA, например Asia/Dushanbe',
  },
  'v.time': { en: 'Use the 24-hour form HH:MM', ru: 'Укажите время в формате ЧЧ:ММ' },
  'v.slug': {
    en: 'Use lower-case letters, digits and single hyphens',
    ru: 'Используйте строчные латинские буквы, цифры и одиночные дефисы',
  },
  'v.password': { en: 'Use at least 12 characters', ru: 'Не менее 12 символов' },
} as const;
export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

export function validationMessage(key: string, lang: 'en' | 'ru'): string | undefined {
  return (VALIDATION_MESSAGES as Record<string, { en: string; ru: string }>)[key]?.[lang];
}

/**
 * Russian for the server's fixed field messages and problem details, keyed by the English text
 * (gettext style: the English is the message id). Messages with values in them stay English.
 */
export const SERVER_MESSAGES_RU: Record<string, string> = {
  'Give the date of adoption.': 'Укажите дату принятия.',
  'An agenda item needs the meeting it belongs to.': 'Для пункта повестки укажите заседание.',
  'No such agenda item in this meeting.': 'В повестке этого заседания нет такого пункта.',
  'No such assignment of this decision.': 'У этого решения нет такого поручения.',
  'No such body.': 'Такого органа нет.',
  'No such body': 'Такого органа нет',
  'No body has this id': 'Такого органа нет',
  'The current password is wrong.': 'Текущий пароль указан неверно.',
  'No such meeting.': 'Такого заседания нет.',
  'No meeting has this id': 'Такого заседания нет',
  'The meeting is not a meeting of the adopting body.': 'Это заседание другого органа.',
  'A delegate represents one member state; name it.':
    'Делегат представляет одно государство-член; укажите его.',
  'Assign to one member state or one body.': 'Укажите одно государство-член или один орган.',
  'No such member state.': 'Такого государства-члена нет.',
  'No such member state': 'Такого государства-члена нет',
  'No member state has this code': 'Государства-члена с таким кодом нет',
  'Only delegates are bound to a member state.':
    'К государству-члену привязываются только делегаты.',
  'Give the number of a decision adopted outside a meeting.':
    'Укажите номер решения, принятого вне заседания.',
  'Not a cursor from this list; start again without it.':
    'Курсор не относится к этому списку; начните без него.',
  'A report cannot be dated in the future.': 'Информация не может быть датирована будущим числом.',
  'Must not be before from': 'Не раньше даты начала',
  'Already a participant of this meeting': 'Уже участвует в этом заседании',
  'Already assigned': 'Поручение уже дано',
  'Already in use in this body': 'Уже используется в этом органе',
  'Already in use': 'Уже используется',
  'Choose a meeting of another body': 'Выберите заседание другого органа',
  'No such person': 'Такого лица нет',
  'No person has this id': 'Такого лица нет',
  'Not an item of this meeting’s agenda': 'Это не пункт повестки этого заседания',
  'The meeting cannot end before it starts': 'Заседание не может закончиться раньше начала',
  'This would make a cycle': 'Получился бы замкнутый круг',
  'Would make the body its own ancestor': 'Орган стал бы собственным вышестоящим органом',
  'NUL characters are not allowed': 'Символы NUL не допускаются',
  'Use 1 to 200 characters': 'От 1 до 200 символов',
  'The request has invalid fields.': 'В запросе есть ошибки в полях.',
  'Sign in or send an API token.': 'Войдите в систему или передайте API-токен.',
  'Your role does not allow this action.': 'Ваша роль не допускает это действие.',
  'You may act only for your own member state.':
    'Вы можете действовать только от имени своего государства-члена.',
  'The e-mail or password is wrong.': 'Неверный адрес электронной почты или пароль.',
  'Wait before trying again.': 'Подождите перед следующей попыткой.',
  'Too many failed sign-ins; this account is locked for a while.':
    'Слишком много неудачных попыток входа; учётная запись временно заблокирована.',
  'Send the csrfToken from /auth/me in the X-CSRF-Token header.':
    'Передайте csrfToken из /auth/me в заголовке X-CSRF-Token.',
  'The body is not valid JSON.': 'Тело запроса не является корректным JSON.',
  'Something went wrong on our side; it has been logged.':
    'На нашей стороне произошла ошибка; она записана в журнал.',
  // Exports and bulk reporting
  'The secretariat reports for bodies.': 'О выполнении поручений органам сообщает секретариат.',
  'The decision is cancelled; it takes no more reports.':
    'Решение отменено; информация о его выполнении больше не принимается.',
  'The decision is superseded; it takes no more reports.':
    'Решение заменено; информация о его выполнении больше не принимается.',
  'Name a member state or a body.': 'Укажите государство-член или орган.',
  'Name a member state or a body, not both.': 'Укажите государство-член или орган, но не оба.',
  'The file is not a readable XLSX workbook.': 'Файл не является читаемой книгой XLSX.',
  'Not a readable XLSX workbook': 'Не читаемая книга XLSX',
  'The sheet has more than 20,000 rows; split it into several files.':
    'На листе более 20 000 строк; разделите его на несколько файлов.',
  'The workbook has no sheet with the ID and new status columns of a Plenum assignments sheet.':
    'В книге нет листа поручений Plenum со столбцами «ID» и «Новый статус».',
  'Send the filled workbook as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.':
    'Передайте заполненную книгу как application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.',
  'The row has no assignment ID.': 'В строке нет ID поручения.',
  'No such assignment.': 'Такого поручения нет.',
  'An earlier row reports on the same assignment.':
    'О том же поручении уже сообщается в одной из строк выше.',
  'Unknown status; choose one from the list.': 'Неизвестный статус; выберите статус из списка.',
  'The report date is not a date.': 'Дата информации не является датой.',
  'The report text is longer than 20,000 characters.': 'Текст информации длиннее 20 000 символов.',
  'Nothing was saved: correct the rows with problems and upload the sheet again.':
    'Ничего не сохранено: исправьте строки с ошибками и загрузите лист снова.',
};
