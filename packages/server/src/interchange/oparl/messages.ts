/** The OParl interface's own messages in Russian (English is the key), for Accept-Language: ru. */
export const OPARL_MESSAGES_RU: Record<string, string> = {
  'No such object.': 'Такого объекта нет.',
  'No such resource.': 'Такого объекта нет.',
  'No such body.': 'Такой корпорации нет.',
  'No such organization.': 'Такой организации нет.',
  'No such delegation.': 'Такой делегации нет.',
  'No such person.': 'Такого лица нет.',
  'No such membership.': 'Такого членства нет.',
  'No such meeting.': 'Такого заседания нет.',
  'No such location.': 'Такого места нет.',
  'No such agenda item.': 'Такого пункта повестки нет.',
  'No such paper.': 'Такого документа нет.',
  'No such file.': 'Такого файла нет.',
  'No such consultation.': 'Такого рассмотрения нет.',
  'created_since must be a date-time with an offset, e.g. 2026-01-31T12:00:00+03:00.':
    'created_since должен быть датой и временем со смещением, например 2026-01-31T12:00:00+03:00.',
  'created_until must be a date-time with an offset, e.g. 2026-01-31T12:00:00+03:00.':
    'created_until должен быть датой и временем со смещением, например 2026-01-31T12:00:00+03:00.',
  'modified_since must be a date-time with an offset, e.g. 2026-01-31T12:00:00+03:00.':
    'modified_since должен быть датой и временем со смещением, например 2026-01-31T12:00:00+03:00.',
  'modified_until must be a date-time with an offset, e.g. 2026-01-31T12:00:00+03:00.':
    'modified_until должен быть датой и временем со смещением, например 2026-01-31T12:00:00+03:00.',
  'elementsPerPage must be a positive whole number.':
    'elementsPerPage должен быть целым положительным числом.',
  'Not a cursor from this list; start again without it.':
    'Это не курсор этого списка; начните сначала без него.',
  'The request is not valid.': 'Запрос неверен.',
  'Something went wrong on our side; it has been logged.':
    'У нас что-то пошло не так; ошибка записана в журнал.',
};
