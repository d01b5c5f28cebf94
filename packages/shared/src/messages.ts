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
  'v.totpCode': { en: 'Give the six digits of the code', ru: 'Укажите шесть цифр кода' },
  'v.distinctStates': {
    en: 'Name each member state once',
    ru: 'Укажите каждое государство-член один раз',
  },
  'v.distinctIds': {
    en: 'Name each entry once',
    ru: 'Укажите каждую запись один раз',
  },
  'v.shareDecimals': {
    en: 'Give the share with at most two decimals',
    ru: 'Укажите долю не более чем с двумя знаками после запятой',
  },
  'v.sha256': {
    en: 'Use the 64 lower-case hex digits of a SHA-256',
    ru: 'Укажите 64 строчные шестнадцатеричные цифры SHA-256',
  },
  'v.reservationRequired': {
    en: 'Give the text of the reservation',
    ru: 'Укажите текст оговорки',
  },
  'v.reservationOnly': {
    en: 'A reservation goes only with concur_with_reservation',
    ru: 'Оговорка указывается только с позицией concur_with_reservation',
  },
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
  // Consultations
  'No document has this id': 'Документа с таким идентификатором нет',
  'No version of this document has this id': 'У этого документа нет версии с таким идентификатором',
  'A round of this document is open; close it before opening another.':
    'По этому документу идёт раунд согласования; завершите его, прежде чем открывать новый.',
  'Only a draft or a document not agreed in an earlier round goes out for consultation.':
    'На согласование направляется только проект или документ, не согласованный в предыдущем раунде.',
  'The document has no version yet; add one before opening a round.':
    'У документа ещё нет версии; добавьте её, прежде чем открывать раунд.',
  'This version was consulted in an earlier round; a new round goes out on a new version.':
    'Эта версия уже направлялась на согласование; новый раунд проводится по новой версии.',
  'This version is older than the one of the previous round; a new round goes out on a new version.':
    'Эта версия старше версии предыдущего раунда; новый раунд проводится по новой версии.',
  'Only member states with the status member are invited':
    'Приглашаются только государства со статусом члена',
  'The document is restricted and its access list does not name this state':
    'Документ ограниченного доступа, и это государство не включено в список доступа',
  'The deadline cannot be in the past': 'Срок не может быть в прошлом',
  'Choose a meeting of a council': 'Выберите заседание совета',
  'The meeting is held or cancelled; choose one still to come':
    'Заседание проведено или отменено; выберите предстоящее',
  'Another round of this document was opened meanwhile; reload the document.':
    'Тем временем по документу открыт другой раунд; обновите документ.',
  'The round is closed; it can no longer change.': 'Раунд завершён; изменить его нельзя.',
  'The round is closed already.': 'Раунд уже завершён.',
  'This member state is not invited to this round.':
    'Это государство-член не приглашено к участию в этом раунде.',
  'The round is closed; it takes no more positions.':
    'Раунд завершён; позиции больше не принимаются.',
  'The round is closed; it takes no more comments.':
    'Раунд завершён; замечания больше не принимаются.',
  'The deadline of this silence procedure has passed; silence counts as concurrence.':
    'Срок процедуры умолчания истёк; отсутствие ответа считается согласием.',
  'The comment is resolved; it can no longer change.':
    'По замечанию принято решение; изменить его нельзя.',
  'The meeting is held or cancelled; its agenda can no longer change.':
    'Заседание проведено или отменено; его повестку изменить нельзя.',
  'The document is linked to this agenda item already.':
    'Документ уже связан с этим пунктом повестки.',
  'The agenda item or the document was removed meanwhile.':
    'Тем временем пункт повестки или документ был удалён.',
  'No such consultation.': 'Такого раунда согласования нет.',
  'No such comment.': 'Такого замечания нет.',
  'No such agenda item.': 'Такого пункта повестки нет.',
  'No such document of this agenda item.': 'У этого пункта повестки нет такого документа.',
  'No such member state in this round.': 'Такого государства-члена в этом раунде нет.',
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
  // Search
  'Type what to search for.': 'Введите, что нужно найти.',
  'The search query is longer than 200 characters.': 'Поисковый запрос длиннее 200 символов.',
  // Notifications
  'No such notification.': 'Такого уведомления нет.',
  'Your preferences changed meanwhile; reload.':
    'Ваши настройки тем временем изменились; обновите страницу.',
  'Your preferences changed since you read them; reload and choose again.':
    'Ваши настройки изменились после того, как вы их открыли; обновите страницу и выберите снова.',
  // Files and documents
  'The file is larger than the upload limit; nothing was stored.':
    'Файл больше допустимого размера; ничего не сохранено.',
  'Send one file in the multipart field "file"':
    'Передайте один файл в поле multipart с именем «file»',
  'This kind of file is not accepted: send a PDF, an office document, an image or plain text.':
    'Файлы этого вида не принимаются: передайте PDF, офисный документ, изображение или простой текст.',
  'Send the file as multipart/form-data.': 'Передайте файл как multipart/form-data.',
  'The upload was cut short or is not well-formed.':
    'Загрузка прервана или передана в неверном формате.',
  'The range lies beyond the end of the file.': 'Запрошенный диапазон выходит за конец файла.',
  'No such file.': 'Такого файла нет.',
  'No such file; upload it first.': 'Такого файла нет; сначала загрузите его.',
  'No uploaded file has this SHA-256': 'Загруженного файла с таким SHA-256 нет',
  'This file is attached already.': 'Этот файл уже приложен.',
  'Already attached': 'Уже приложен',
  'No such attachment.': 'Такого вложения нет.',
  'No such report.': 'Такой информации о выполнении нет.',
  'No such document.': 'Такого документа нет.',
  'No such version.': 'Такой версии нет.',
  'No such decision.': 'Такого решения нет.',
  'No decision has this id': 'Решения с таким идентификатором нет',
  'The decision was removed meanwhile.': 'Решение тем временем было удалено.',
  'An access list applies to restricted documents only.':
    'Список доступа задаётся только для документов ограниченного доступа.',
  'Only for restricted documents': 'Только для документов ограниченного доступа',
  'A restricted document needs an access list naming at least one member state or body.':
    'Для документа ограниченного доступа укажите в списке доступа хотя бы одно государство-член или орган.',
  'Name at least one member state or body': 'Укажите хотя бы одно государство-член или орган',
  'A body or member state of the access list was removed meanwhile.':
    'Орган или государство-член из списка доступа тем временем были удалены.',
  'Only a draft can be deleted; withdraw it instead.':
    'Удалить можно только проект; этот документ отзовите.',
  'A consultation refers to this document; withdraw it instead.':
    'На документ ссылается согласование; отзовите его вместо удаления.',
  'The document’s current status does not allow this change.':
    'Текущий статус документа не допускает это изменение.',
  'The document is under consultation; close the consultation before withdrawing it.':
    'Документ находится на согласовании; завершите согласование, прежде чем отзывать его.',
  'A version needs a text, a file, or both.': 'Для версии нужен текст, файл или и то и другое.',
  'Give a text or a file': 'Укажите текст или файл',
  'A file name needs the file.': 'Имя файла указывается вместе с файлом.',
  'Give the file the name belongs to': 'Укажите файл, к которому относится имя',
  'The document is agreed, adopted or withdrawn; it takes no new versions.':
    'Документ согласован, принят или отозван; новые версии не добавляются.',
  'A version without a text cannot be compared.': 'Версию без текста сравнить нельзя.',
  'Versions never change; add a new version instead.':
    'Версии не изменяются; добавьте новую версию.',
  // ---- news ----
  'No such news item.': 'Такой новости нет.',
  'Another news item has this slug.': 'Этот адрес (slug) уже занят другой новостью.',
  'The file is not an image.': 'Этот файл — не изображение.',
  'Upload a PNG, JPEG, GIF or WebP image': 'Загрузите изображение PNG, JPEG, GIF или WebP',
  'A published or scheduled item needs a title and a body in at least one language.':
    'Для публикации или планирования нужны заголовок и текст хотя бы на одном языке.',
  'Give the title and the body in the same language':
    'Укажите заголовок и текст на одном и том же языке',
  'The slug can change only while the item is a draft; unpublish it first.':
    'Адрес (slug) можно изменить только у черновика; сначала снимите новость с публикации.',
  'The news item is published already.': 'Новость уже опубликована.',
  'The news item is published already; unpublish it before scheduling it.':
    'Новость уже опубликована; снимите её с публикации, прежде чем планировать.',
  'The time of publication must lie in the future.': 'Время публикации должно быть в будущем.',
  'Give a time in the future': 'Укажите время в будущем',
  'The news item is a draft already.': 'Новость уже является черновиком.',
  'A date of publication in the future is a schedule.':
    'Дата публикации в будущем — это планирование публикации.',
  'Give a past time, or schedule the item': 'Укажите прошедшее время или запланируйте публикацию',
  // ---- end news ----
  // ---- standards and programs ----
  'No such standard.': 'Такого стандарта нет.',
  'Another standard has this designation.': 'Стандарт с таким обозначением уже есть.',
  'Member states have recorded their adoption of this standard; withdraw it instead.':
    'Государства-члены уже отметили принятие этого стандарта; вместо удаления отмените его.',
  'Only member states adopt standards; this state is an observer or a former member.':
    'Стандарты принимают только государства-члены; это государство — наблюдатель или бывший член.',
  'An adoption names the national standard that adopts it.':
    'Для принятия укажите национальный стандарт, которым он принят.',
  'An adoption names the date from which it takes effect.':
    'Для принятия укажите дату введения в действие.',
  'An adoption with reservations states the reservations.':
    'Для принятия с оговорками изложите оговорки.',
  'Only an adoption with reservations carries reservations.':
    'Оговорки указываются только при принятии с оговорками.',
  'The standard is withdrawn; adoption records are closed.':
    'Стандарт отменён; сведения о принятии больше не вносятся.',
  'Member states record their adoption once the standard is adopted by the commission.':
    'Государства-члены отмечают принятие после того, как стандарт принят комиссией.',
  'No such program.': 'Такой программы нет.',
  'No such measure.': 'Такого мероприятия нет.',
  'No such measure in this program.': 'В этой программе нет такого мероприятия.',
  'No such organization.': 'Такой организации нет.',
  'The period cannot end before it begins.': 'Период не может закончиться раньше начала.',
  'Measures of this program have reports; cancel the program instead.':
    'По мероприятиям программы есть отчёты; вместо удаления отмените программу.',
  'The program is completed or cancelled; its measures no longer change.':
    'Программа завершена или отменена; её мероприятия больше не изменяются.',
  'A measure cannot be due before it starts.': 'Срок мероприятия не может быть раньше его начала.',
  'A measure with sub-measures takes its progress from them; report progress on the sub-measures.':
    'Ход выполнения мероприятия с подмероприятиями складывается из них; отмечайте ход по подмероприятиям.',
  'Set by the sub-measures': 'Определяется подмероприятиями',
  'This measure or a sub-measure has reports; cancel the measure instead.':
    'По мероприятию или его подмероприятию есть отчёты; вместо удаления отмените мероприятие.',
  'This state is not responsible for the measure.': 'Это государство не отвечает за мероприятие.',
  'Your member state is not responsible for this measure.':
    'Ваше государство не отвечает за это мероприятие.',
  // ---- end standards and programs ----
  // ---- projects and IP results ----
  'No such project.': 'Такого проекта нет.',
  'No such intellectual-property result.': 'Такого результата интеллектуальной деятельности нет.',
  'No such organization': 'Такой организации нет',
  'No such program measure': 'Такого мероприятия программы нет',
  'No such decision': 'Такого решения нет',
  'No such project': 'Такого проекта нет',
  'Name each organization once': 'Укажите каждую организацию один раз',
  'Mark exactly one participant as lead': 'Отметьте ровно одного участника как головного',
  'Add an organization of another member state': 'Добавьте организацию другого государства-члена',
  'The project cannot end before it starts': 'Проект не может закончиться раньше начала',
  'An organization, measure or decision named was removed meanwhile.':
    'Указанная организация, мероприятие или решение тем временем удалены.',
  'Only a proposed project can be deleted; terminate it instead.':
    'Удалить можно только предложенный проект; вместо этого прекратите его.',
  'Intellectual-property results name this project; change them first.':
    'На этот проект ссылаются результаты интеллектуальной деятельности; сначала измените их.',
  'Name an organization or a member state, not both':
    'Укажите организацию или государство-член, но не то и другое',
  'Name each rights holder once': 'Укажите каждого правообладателя один раз',
  'The shares must total exactly 100%': 'Сумма долей должна составлять ровно 100%',
  'A granted protection needs the number of its title.':
    'Для выданного охранного документа укажите его номер.',
  'Give the number': 'Укажите номер',
  'An access list applies to restricted results only.':
    'Список доступа задаётся только для результатов с ограниченным доступом.',
  'Only for restricted results': 'Только для результатов с ограниченным доступом',
  'A restricted result needs an access list naming at least one member state or body.':
    'Для результата с ограниченным доступом укажите в списке доступа хотя бы одно государство-член или орган.',
  'An organization, member state, body, project or decision named was removed meanwhile.':
    'Указанная организация, государство-член, орган, проект или решение тем временем удалены.',
  // ---- end projects and IP results ----
  // ---- single sign-on ----
  'Give a path of this site, such as /app/': 'Укажите путь на этом сайте, например /app/',
  'Single sign-on is not configured.': 'Единый вход не настроен.',
  'The sign-on provider cannot be reached; try again later.':
    'Поставщик единого входа недоступен; повторите попытку позже.',
  // ---- end single sign-on ----
  // ---- meeting packs ----
  'Nothing was added or changed on the agenda since the last issue; there is no addendum to issue.':
    'С момента предыдущего выпуска в повестке ничего не добавлено и не изменено; выпускать дополнение нечего.',
  'Another issue of this pack was published meanwhile; issue again to see what is new.':
    'Тем временем был выпущен другой выпуск комплекта; выпустите снова, чтобы увидеть новое.',
  'No such pack.': 'Такого комплекта нет.',
  // ---- end meeting packs ----
  // ---- minutes ----
  'Minutes exist only for meetings in session (a draft) or held.':
    'Протокол существует только у идущих (проект) или проведённых заседаний.',
  'Revisions of the minutes are issued once the meeting is held.':
    'Редакции протокола выпускаются после проведения заседания.',
  'These minutes were approved; approved minutes are final and take no further revisions.':
    'Протокол утверждён; утверждённый протокол окончателен, новые редакции не выпускаются.',
  'This revision is already approved.': 'Эта редакция уже утверждена.',
  'Only the latest revision of the minutes can be approved; a later one was issued.':
    'Утвердить можно только последнюю редакцию протокола; выпущена более поздняя.',
  'Minutes are approved at a later meeting of the same body':
    'Протокол утверждается на одном из следующих заседаний того же органа',
  'The approving meeting must be in session or held':
    'Заседание, на котором утверждается протокол, должно идти или быть проведено',
  'The date of approval must be a day of the approving meeting':
    'Дата утверждения должна приходиться на один из дней этого заседания',
  'This revision changed meanwhile; reload and try again.':
    'Редакция тем временем изменилась; обновите страницу и повторите.',
  'No such revision of these minutes.': 'Такой редакции протокола нет.',
  'Another revision of these minutes was issued at the same moment; reload and try again.':
    'В тот же момент была выпущена другая редакция протокола; обновите страницу и повторите.',
  // ---- end minutes ----
  // ---- sessions and written procedure (issue 8) ----
  'No such proposal.': 'Такого предложения нет.',
  'The session changed meanwhile; reload and try again.':
    'Ход заседания тем временем изменился; обновите страницу и повторите.',
  'The proposal changed meanwhile; reload and try again.':
    'Предложение тем временем изменилось; обновите страницу и повторите.',
  'The meeting is closed; its session takes no more changes.':
    'Заседание закрыто; изменения в его ход больше не вносятся.',
  'The meeting is not in session; open the session first.':
    'Заседание не идёт; сначала откройте заседание.',
  'The session of this meeting has been opened already.': 'Это заседание уже открыто.',
  'Only a meeting in session can be closed.': 'Закрыть можно только идущее заседание.',
  'A proposal is still open; adopt or withdraw it before closing the session.':
    'Предложение ещё рассматривается; примите или отзовите его, прежде чем закрыть заседание.',
  'A proposal comes from a draft decision document only.':
    'Предложение может исходить только из документа-проекта решения.',
  'Not a draft_decision document': 'Документ не является проектом решения',
  'The deadline must lie in the future.': 'Срок должен быть в будущем.',
  'The proposal was closed meanwhile; it takes no more positions.':
    'Рассмотрение предложения тем временем завершено; позиции больше не принимаются.',
  'The proposal was closed meanwhile.': 'Рассмотрение предложения тем временем завершено.',
  'The deadline of this written procedure has passed.': 'Срок этой письменной процедуры истёк.',
  'Before its deadline a written procedure is adopted only when every member state has concurred.':
    'До истечения срока письменная процедура завершается принятием, только если согласились все государства-члены.',
  Objects: 'Возражает',
  'The meeting, agenda item or document was removed meanwhile.':
    'Заседание, пункт повестки или документ тем временем удалены.',
  'The body or document was removed meanwhile.': 'Орган или документ тем временем удалены.',
  // ---- end sessions ----
  // ---- body quorum ----
  'The quorum cannot exceed the number of member states; leave it empty to require all of them.':
    'Кворум не может превышать число государств-членов; чтобы требовать присутствия всех, оставьте поле пустым.',
  'More than the member states': 'Больше числа государств-членов',
  // ---- end body quorum ----
  // ---- hostile input (issue 9) ----
  'No such resource.': 'Такого ресурса нет.',
  'The address is malformed.': 'Адрес запроса составлен неверно.',
  // ---- end hostile input ----
  // ---- two-factor sign-in and the password policy (issue 9) ----
  'Enter the code from your authenticator app, or a recovery code.':
    'Введите код из приложения-аутентификатора или код восстановления.',
  'The code is wrong or was used already.': 'Код неверен или уже использован.',
  'Set up two-factor sign-in first: POST /api/v1/auth/totp, then /api/v1/auth/totp/confirm.':
    'Сначала настройте двухфакторный вход: POST /api/v1/auth/totp, затем /api/v1/auth/totp/confirm.',
  'Two-factor sign-in is already on; turn it off first.':
    'Двухфакторный вход уже включён; сначала отключите его.',
  'Two-factor sign-in is already on.': 'Двухфакторный вход уже включён.',
  'Start the enrolment first.': 'Сначала начните настройку.',
  'The code is wrong or expired.': 'Код неверен или устарел.',
  'The administrator requires two-factor sign-in; it cannot be turned off.':
    'Администратор требует двухфакторный вход; отключить его нельзя.',
  'Two-factor sign-in is not on.': 'Двухфакторный вход не включён.',
  'The password does not meet the password policy.': 'Пароль не соответствует требованиям.',
  // Server-only (the web's validation table is in its first page): the policy's refusals.
  'Too easy to guess: use more words or characters that do not form a pattern':
    'Слишком легко угадать: добавьте слова или символы, не образующие шаблона',
  'Must not contain your e-mail address': 'Не должен содержать ваш адрес электронной почты',
  'The settings changed since you read them; reload.':
    'Настройки изменились после того, как вы их открыли; обновите страницу.',
};
