// Messages the API sends to people, in Russian and English. Codes are stable; texts may change.
export type Lang = 'ru' | 'en';

type Catalogue = Record<string, { ru: string; en: string }>;

export const MESSAGES = {
  'request.invalid': { ru: 'Проверьте заполнение полей', en: 'Please check the fields' },
  'request.malformed_json': { ru: 'Тело запроса — не корректный JSON', en: 'The request body is not valid JSON' },
  'request.too_large': { ru: 'Запрос слишком большой', en: 'The request is too large' },
  'request.unsupported_media_type': { ru: 'Неподдерживаемый тип содержимого', en: 'Unsupported content type' },
  'request.too_many': { ru: 'Слишком много запросов, попробуйте позже', en: 'Too many requests, try again later' },
  'route.not_found': { ru: 'Такого адреса нет', en: 'No such address' },
  internal: { ru: 'Внутренняя ошибка сервера, мы уже разбираемся', en: 'Internal server error' },
  'auth.required': { ru: 'Войдите в систему', en: 'Please sign in' },
  'auth.forbidden': { ru: 'Недостаточно прав', en: 'You do not have permission for this' },
  'auth.csrf': {
    ru: 'Сессия устарела: обновите страницу',
    en: 'Your session token is missing or stale: reload the page',
  },
  'auth.invalid_credentials': { ru: 'Неверный e-mail или пароль', en: 'Wrong e-mail or password' },
  'auth.throttled': {
    ru: 'Слишком много неудачных попыток входа. Попробуйте через {{minutes}} мин.',
    en: 'Too many failed sign-in attempts. Try again in {{minutes}} min.',
  },
  'auth.email_taken': {
    ru: 'Пользователь с таким e-mail уже зарегистрирован',
    en: 'This e-mail is already registered',
  },
  'organization.not_found': { ru: 'Организация не найдена', en: 'Organization not found' },
  'organization.inn_taken': {
    ru: 'Организация с ИНН {{inn}} уже зарегистрирована. Попросите её владельца пригласить вас: на странице организации нажмите «Запросить доступ» или напишите владельцу.',
    en: 'An organization with INN {{inn}} is already registered. Ask its owner to invite you: use “Request access” on the organization page or write to the owner.',
  },
  'organization.ogrn_taken': {
    ru: 'Организация с таким ОГРН уже зарегистрирована',
    en: 'An organization with this OGRN is already registered',
  },
  'organization.stale': {
    ru: 'Профиль изменил кто-то другой. Обновите страницу и повторите.',
    en: 'Someone else changed the profile. Reload and try again.',
  },
  'organization.last_owner': {
    ru: 'У организации должен остаться хотя бы один владелец',
    en: 'The organization must keep at least one owner',
  },
  'invitation.not_found': { ru: 'Приглашение не найдено', en: 'Invitation not found' },
  'invitation.duplicate': {
    ru: 'Этот человек уже приглашён или состоит в организации',
    en: 'This person is already invited or a member',
  },
  'membership.not_found': { ru: 'Заявка не найдена', en: 'Application not found' },
  'membership.region': {
    ru: 'Участником кластера может стать организация, зарегистрированная в Москве (регион 77). Подайте заявку как партнёр.',
    en: 'Only organizations registered in Moscow (region 77) can become participants. Apply as a partner.',
  },
  'membership.already_open': {
    ru: 'У организации уже есть действующая заявка или членство в кластере',
    en: 'The organization already has an open application or membership',
  },
  'membership.transition': {
    ru: 'Действие «{{event}}» невозможно в статусе «{{status}}»',
    en: 'Action “{{event}}” is not possible in status “{{status}}”',
  },
  'membership.conflict': {
    ru: 'Заявку только что изменил другой сотрудник. Обновите страницу.',
    en: 'Another operator has just changed this application. Reload the page.',
  },
  'membership.reason_required': { ru: 'Укажите причину решения', en: 'Give the reason for the decision' },
  'measure.not_found': { ru: 'Мера поддержки не найдена', en: 'Support measure not found' },
  'measure.code_taken': { ru: 'Мера с кодом {{code}} уже есть', en: 'A measure with code {{code}} already exists' },
  'measure.stale': {
    ru: 'Меру только что изменил другой сотрудник. Обновите страницу и повторите.',
    en: 'Someone else has just changed this measure. Reload and try again.',
  },
  'measure.transition': {
    ru: 'Действие «{{event}}» невозможно для меры в статусе «{{status}}»',
    en: 'Action “{{event}}” is not possible for a measure in status “{{status}}”',
  },
  'measure.locked_when_published': {
    ru: 'У опубликованной меры нельзя менять форму заявки, критерии оценки и условия участия ({{fields}})',
    en: 'The application form, evaluation criteria and eligibility of a published measure cannot change ({{fields}})',
  },
  'measure.not_editable': {
    ru: 'Меру в статусе «{{status}}» изменить нельзя',
    en: 'A measure in status “{{status}}” cannot be changed',
  },
  'measure.incomplete': {
    ru: 'Меру нельзя опубликовать: заполните отмеченные поля',
    en: 'The measure cannot be published yet: complete the marked fields',
  },
  'measure.amount_positive': { ru: 'Сумма должна быть больше нуля', en: 'The amount must be greater than zero' },
  'measure.max_over_budget': {
    ru: 'Максимальная сумма на заявку не может превышать бюджет меры',
    en: 'The maximum amount per application cannot exceed the budget',
  },
  'measure.budget_below_committed': {
    ru: 'Бюджет не может быть меньше уже одобренных сумм ({{committed}} коп.)',
    en: 'The budget cannot be less than the amounts already approved ({{committed}} kopecks)',
  },
  'measure.window_order': {
    ru: 'Приём заявок должен закрываться позже, чем открывается',
    en: 'Applications must close after they open',
  },
  'measure.window_past': {
    ru: 'Срок приёма заявок уже прошёл: укажите дату закрытия в будущем',
    en: 'The application window is over: set a closing date in the future',
  },
  'measure.field_key_format': {
    ru: 'Ключ поля — латинские строчные буквы, цифры и «_», начинается с буквы, до 40 символов',
    en: 'A field key has lowercase Latin letters, digits and “_”, starts with a letter, up to 40 characters',
  },
  'measure.field_key_duplicate': { ru: 'Такой ключ уже есть у другого поля', en: 'Another field has this key' },
  'measure.choice_options': {
    ru: 'У поля выбора должны быть варианты ответа, без повторов',
    en: 'A choice field needs its options, without repeats',
  },
  'measure.bounds_order': { ru: 'Минимум больше максимума', en: 'The minimum is greater than the maximum' },
  'measure.criteria_required': {
    ru: 'Добавьте хотя бы один критерий оценки',
    en: 'Add at least one evaluation criterion',
  },
  'measure.criterion_key_format': {
    ru: 'Ключ критерия — латинские буквы, цифры и «_», начинается с буквы, до 20 символов (например, K1)',
    en: 'A criterion key has Latin letters, digits and “_”, starts with a letter, up to 20 characters (e.g. K1)',
  },
  'measure.criterion_key_duplicate': {
    ru: 'Такой ключ уже есть у другого критерия',
    en: 'Another criterion has this key',
  },
  'measure.weight_positive': { ru: 'Вес критерия должен быть больше нуля', en: 'The weight must be greater than zero' },
  'application.not_found': { ru: 'Заявка не найдена', en: 'Application not found' },
  'application.measure_not_found': { ru: 'Мера поддержки не найдена', en: 'Support measure not found' },
  'application.measure_closed': {
    ru: 'Приём заявок по этой мере закрыт или ещё не начался',
    en: 'This measure is not accepting applications now',
  },
  'application.not_eligible': {
    ru: 'Организация не подходит под условия меры: {{failed}}',
    en: 'The organization does not meet the measure’s conditions: {{failed}}',
  },
  'application.already_open': {
    ru: 'У организации уже есть заявка на эту меру в работе',
    en: 'The organization already has an application for this measure in progress',
  },
  'application.transition': {
    ru: 'Действие «{{event}}» невозможно в статусе заявки «{{status}}»',
    en: 'Action “{{event}}” is not possible in application status “{{status}}”',
  },
  'application.stale': {
    ru: 'Заявку только что изменил кто-то другой. Обновите страницу и повторите.',
    en: 'Someone has just changed this application. Reload the page and try again.',
  },
  'application.budget_exhausted': {
    ru: 'Остатка бюджета меры не хватает на эту сумму: осталось {{remainingKopecks}} коп.',
    en: 'The measure’s remaining budget does not cover this amount: {{remainingKopecks}} kopecks left',
  },
  'application.tranche_exceeds_approved': {
    ru: 'Сумма траншей превысит одобренную: можно выплатить ещё {{leftKopecks}} коп.',
    en: 'The tranches would exceed the approved amount: {{leftKopecks}} kopecks left to pay',
  },
  'application.report_not_found': { ru: 'Отчёт не найден', en: 'Report not found' },
  'application.report_transition': {
    ru: 'Отчёт в статусе «{{status}}»: это действие сейчас невозможно',
    en: 'The report is “{{status}}”: this action is not possible now',
  },
  'field.amount_above_max': {
    ru: 'Не больше максимальной суммы меры: {{limit}} коп.',
    en: 'At most the measure’s maximum: {{limit}} kopecks',
  },
  'field.amount_above_requested': {
    ru: 'Не больше запрошенной суммы: {{limit}} коп.',
    en: 'At most the requested amount: {{limit}} kopecks',
  },
  'field.file_unknown': {
    ru: 'Файл не найден: загрузите его заново',
    en: 'File not found: upload it again',
  },
  'field.reason_required': { ru: 'Укажите причину', en: 'Give the reason' },
  'field.comment_required': { ru: 'Напишите комментарий', en: 'Write a comment' },
  'field.inn_checksum': { ru: 'ИНН не прошёл проверку контрольной суммы', en: 'The INN checksum does not match' },
  'field.inn_length': {
    ru: 'ИНН юридического лица — 10 цифр, ИП — 12 цифр',
    en: 'INN has 10 digits for a legal entity and 12 for a sole proprietor',
  },
  'field.ogrn_checksum': { ru: 'ОГРН не прошёл проверку контрольной суммы', en: 'The OGRN checksum does not match' },
  'field.ogrn_length': {
    ru: 'ОГРН юридического лица — 13 цифр, ОГРНИП — 15 цифр',
    en: 'OGRN has 13 digits, OGRNIP 15',
  },
  'field.kpp_required': { ru: 'Укажите КПП (9 символов)', en: 'Enter the KPP (9 characters)' },
  'field.kpp_invalid': { ru: 'КПП — 9 символов: 4 цифры, 2 цифры или буквы, 3 цифры', en: 'KPP has 9 characters' },
  'field.kpp_forbidden': { ru: 'У ИП нет КПП', en: 'A sole proprietor has no KPP' },
  'field.okved_unknown': { ru: 'Неизвестный код ОКВЭД', en: 'Unknown OKVED code' },
  'field.stage_required': { ru: 'Укажите стадию стартапа', en: 'Choose the startup stage' },
  'idempotency.key_invalid': {
    ru: 'Idempotency-Key — от 1 до 200 видимых символов ASCII',
    en: 'Idempotency-Key must be 1 to 200 visible ASCII characters',
  },
  'idempotency.key_reused': {
    ru: 'Этот Idempotency-Key уже использован для другого запроса',
    en: 'This Idempotency-Key was already used for another request',
  },
  'idempotency.in_progress': {
    ru: 'Запрос с этим Idempotency-Key ещё выполняется',
    en: 'A request with this Idempotency-Key is still in progress',
  },
  'expert.user_not_found': { ru: 'Пользователь не найден', en: 'User not found' },
  'expert.not_found': { ru: 'Эксперт не найден в пуле', en: 'Expert not found in the pool' },
  'expert.duplicate': { ru: 'Этот пользователь уже в пуле экспертов', en: 'This user is already in the expert pool' },
  'review.not_found': { ru: 'Экспертиза не найдена', en: 'Review not found' },
  'review.application_not_found': { ru: 'Заявка не найдена', en: 'Application not found' },
  'review.application_status': {
    ru: 'Экспертов назначают зарегистрированной заявке или заявке на экспертизе; статус заявки — «{{status}}»',
    en: 'Experts are assigned to a registered application or one under review; this one is “{{status}}”',
  },
  'review.conflict_of_interest': {
    ru: 'Эксперт {{expert}} состоит в организации-заявителе или связанной с ней организации: конфликт интересов, назначить нельзя',
    en: 'Expert {{expert}} is a member of the applicant or a linked organization: conflict of interest, cannot be assigned',
  },
  'review.already_assigned': {
    ru: 'Эксперт {{expert}} уже назначен на эту заявку',
    en: 'Expert {{expert}} is already assigned to this application',
  },
  'review.too_many_experts': {
    ru: 'На заявку назначается не больше {{max}} экспертов; сейчас назначено {{open}}',
    en: 'At most {{max}} experts per application; {{open}} assigned now',
  },
  'review.no_experts_available': {
    ru: 'Нет свободных экспертов без конфликта интересов',
    en: 'No available experts without a conflict of interest',
  },
  'review.closed': {
    ru: 'Экспертиза по заявке не идёт: статус заявки — «{{status}}»',
    en: 'The application is not under review: its status is “{{status}}”',
  },
  'review.transition': {
    ru: 'Действие невозможно: экспертиза в статусе «{{status}}»',
    en: 'Not possible: the review is “{{status}}”',
  },
  'review.declare_first': {
    ru: 'Сначала подтвердите отсутствие конфликта интересов',
    en: 'Declare that you have no conflict of interest first',
  },
  'review.reason_required': { ru: 'Укажите причину самоотвода', en: 'Give the reason for recusal' },
  'review.criterion_unknown': { ru: 'У меры поддержки нет такого критерия', en: 'The measure has no such criterion' },
  'review.criterion_duplicate': { ru: 'Критерий оценён дважды', en: 'The criterion is scored twice' },
  'review.criterion_missing': { ru: 'Оцените критерий «{{name}}»', en: 'Score the criterion “{{name}}”' },
  'review.score_range': {
    ru: 'Оценка — целое число от 0 до {{max}}',
    en: 'The score is a whole number from 0 to {{max}}',
  },
  'review.comment_required': { ru: 'Прокомментируйте оценку', en: 'Comment on the score' },
  // solutions, pilots
  'solution.not_found': { ru: 'Отклик не найден', en: 'Solution not found' },
  'solution.request_not_found': { ru: 'Запрос не найден', en: 'Request not found' },
  'solution.request_closed': {
    ru: 'Запрос не принимает отклики: срок подачи истёк или запрос не опубликован',
    en: 'The request is not accepting solutions: its deadline has passed or it is not published',
  },
  'solution.own_request': {
    ru: 'Организация не может откликнуться на собственный запрос',
    en: 'An organization cannot answer its own request',
  },
  'solution.nda_required': {
    ru: 'Сначала примите условия NDA запроса (редакция {{ndaVersion}}) от имени организации',
    en: 'Accept the request’s NDA terms (version {{ndaVersion}}) for the organization first',
  },
  'solution.duplicate': {
    ru: 'У организации уже есть отклик на этот запрос: откройте его и продолжите работу',
    en: 'The organization already has a solution for this request: open it and carry on',
  },
  'solution.transition': {
    ru: 'Действие «{{event}}» невозможно в статусе отклика «{{status}}»',
    en: 'Action “{{event}}” is not possible in solution status “{{status}}”',
  },
  'solution.stale': {
    ru: 'Отклик только что изменил кто-то другой. Обновите страницу и повторите.',
    en: 'Someone has just changed this solution. Reload the page and try again.',
  },
  'solution.scoring_closed': {
    ru: 'Оценить можно поданный или отобранный отклик; этот — в статусе «{{status}}»',
    en: 'Only a submitted or shortlisted solution can be scored; this one is “{{status}}”',
  },
  'solution.already_scored': { ru: 'Вы уже оценили этот отклик', en: 'You have already scored this solution' },
  'solution.criterion_unknown': { ru: 'У запроса нет такого критерия', en: 'The request has no such criterion' },
  'solution.criterion_duplicate': { ru: 'Критерий оценён дважды', en: 'The criterion is scored twice' },
  'solution.criterion_missing': { ru: 'Оцените критерий «{{name}}»', en: 'Score the criterion “{{name}}”' },
  'solution.score_range': {
    ru: 'Оценка — целое число от 0 до {{max}}',
    en: 'The score is a whole number from 0 to {{max}}',
  },
  'solution.pilot_open': {
    ru: 'По отклику идёт пилот {{number}}: договор без пилота заключить нельзя, пока он не завершён',
    en: 'Pilot {{number}} of this solution is in progress: no contract without a pilot until it ends',
  },
  'pilot.not_found': { ru: 'Пилот не найден', en: 'Pilot not found' },
  'pilot.site_not_found': { ru: 'Пилотная площадка не найдена', en: 'Pilot site not found' },
  'pilot.site_inactive': {
    ru: 'Площадка сейчас не принимает пилоты',
    en: 'The site is not accepting pilots now',
  },
  'pilot.site_owner_capability': {
    ru: 'Площадки регистрирует организация с ролью «владелец пилотной площадки»: отметьте её в профиле организации',
    en: 'Sites are registered by an organization with the “pilot site owner” capability: set it in the profile',
  },
  'pilot.solution_not_shortlisted': {
    ru: 'Пилот возможен только для отобранного решения; статус решения — «{{status}}»',
    en: 'Only a shortlisted solution can be piloted; this one is “{{status}}”',
  },
  'pilot.trl_too_low': {
    ru: 'Пилотировать можно решение с уровнем готовности технологии (УГТ) не ниже {{minTrl}}; у этого решения — {{trl}}',
    en: 'A pilot needs technology readiness level (TRL) {{minTrl}} or higher; this solution is at TRL {{trl}}',
  },
  'pilot.too_long': {
    ru: 'Пилот длится не больше {{months}} календарных месяцев: окончание — не позже {{latest}}',
    en: 'A pilot lasts at most {{months}} calendar months: it must end on {{latest}} or earlier',
  },
  'pilot.ends_before_start': {
    ru: 'Дата окончания должна быть позже даты начала',
    en: 'The end date must be after the start date',
  },
  'pilot.starts_in_past': { ru: 'Дата начала не может быть в прошлом', en: 'The start date cannot be in the past' },
  'pilot.date_invalid': { ru: 'Такой даты нет в календаре', en: 'There is no such date' },
  'pilot.already_open': {
    ru: 'По этому решению уже идёт пилот {{number}}',
    en: 'Pilot {{number}} of this solution is already in progress',
  },
  'pilot.transition': {
    ru: 'Действие «{{event}}» невозможно в статусе пилота «{{status}}»',
    en: 'Action “{{event}}” is not possible in pilot status “{{status}}”',
  },
  'pilot.stale': {
    ru: 'Пилот только что изменил кто-то другой. Обновите страницу и повторите.',
    en: 'Someone has just changed this pilot. Reload the page and try again.',
  },
  'pilot.contract_needs_success': {
    ru: 'Договор заключают только после успешного пилота',
    en: 'A contract follows only a successful pilot',
  },
  'pilot.not_successful': {
    ru: 'Договор по пилоту — только после его успешного завершения',
    en: 'A contract after a pilot needs the pilot completed successfully',
  },
  'pilot.contract_exists': {
    ru: 'Договор по этому решению уже заключён',
    en: 'A contract for this solution is already recorded',
  },
  'pilot.amount_positive': { ru: 'Сумма договора должна быть больше нуля', en: 'The amount must be greater than zero' },
  'pilot.signed_in_future': {
    ru: 'Дата подписания не может быть в будущем',
    en: 'The signing date cannot be in the future',
  },
  'file.not_found': { ru: 'Файл не найден', en: 'File not found' },
  'file.missing': { ru: 'Приложите файл', en: 'Attach a file' },
  'file.empty': { ru: 'Файл пустой', en: 'The file is empty' },
  'file.too_large': { ru: 'Файл больше 10 МБ', en: 'The file is larger than 10 MB' },
  'file.type_not_allowed': {
    ru: 'Недопустимый тип файла. Можно загрузить PDF, PNG, JPEG, DOCX, XLSX, ODT или ODS.',
    en: 'File type not allowed. Upload PDF, PNG, JPEG, DOCX, XLSX, ODT or ODS.',
  },
  'file.organization_required': { ru: 'Укажите организацию', en: 'Give the organization' },
  // projects
  'project.not_found': { ru: 'Проект не найден', en: 'Project not found' },
  'search.empty': { ru: 'Введите, что искать', en: 'Type what to search for' },
  'recommendation.subject_required': {
    ru: 'Укажите, для кого подобрать рекомендации',
    en: 'Say whom the recommendations are for',
  },
  'project.transition': {
    ru: 'Действие «{{event}}» невозможно для проекта в статусе «{{status}}»',
    en: 'Action “{{event}}” is not possible for a project in status “{{status}}”',
  },
  'project.stale': {
    ru: 'Проект только что изменил кто-то другой. Обновите страницу и повторите.',
    en: 'Someone else has just changed the project. Reload and try again.',
  },
  'project.not_editable': {
    ru: 'Проект в статусе «{{status}}» больше не редактируется',
    en: 'A project in status “{{status}}” can no longer be edited',
  },
  'project.dates_order': {
    ru: 'Плановая дата окончания не может быть раньше даты начала',
    en: 'The planned end date cannot be before the start date',
  },
  'project.origin_unknown': {
    ru: 'Не найдено среди записей ведущей организации проекта',
    en: 'Not found among the records of the project’s lead organization',
  },
  'project.partner_is_lead': {
    ru: 'Ведущая организация уже участвует в проекте: пригласите другую организацию',
    en: 'The lead organization already takes part: invite another organization',
  },
  'project.partner_unknown': { ru: 'Такой организации нет', en: 'No such organization' },
  'project.partner_duplicate': {
    ru: 'Организация «{{organization}}» уже есть в списке партнёров проекта',
    en: 'The organization “{{organization}}” is already listed as a partner',
  },
  'project.partner_not_found': {
    ru: 'Организация не приглашена в этот проект',
    en: 'The organization is not invited to this project',
  },
  'project.partner_transition': {
    ru: 'Партнёр уже ответил на приглашение: статус «{{status}}»',
    en: 'The partner has already answered the invitation: status “{{status}}”',
  },
  'project.partners_closed': {
    ru: 'В проект в статусе «{{status}}» партнёров не приглашают и ответы не принимают',
    en: 'A project in status “{{status}}” takes no new partners nor answers',
  },
  'project.implemented_future': {
    ru: 'Дата реализации не может быть в будущем',
    en: 'The implementation date cannot be in the future',
  },
  'project.implemented_before_start': {
    ru: 'Дата реализации не может быть раньше начала проекта ({{startedOn}})',
    en: 'The implementation date cannot be before the project started ({{startedOn}})',
  },
  'project.consortium_project_required': {
    ru: 'Мера поддерживает консорциумы: укажите проект, который ведёт организация-заявитель',
    en: 'The measure supports consortia: give a project led by the applicant organization',
  },
  'project.consortium_project_unknown': {
    ru: 'Проект не найден среди проектов, которые ведёт организация-заявитель',
    en: 'Not a project led by the applicant organization',
  },
  'project.consortium_size': {
    ru: 'В консорциуме должно быть от {{min}} до {{max}} участников кластера, подтвердивших участие; в проекте {{number}} — {{count}}',
    en: 'A consortium needs {{min}} to {{max}} cluster participants who confirmed; project {{number}} has {{count}}',
  },
  'project.consortium_range': {
    ru: 'Наибольший размер консорциума не может быть меньше наименьшего',
    en: 'The largest consortium size cannot be below the smallest',
  },
  // requests
  'request.not_found': { ru: 'Запрос не найден', en: 'Request not found' },
  'request.not_customer': {
    ru: 'Запросы публикуют организации-заказчики: отметьте у организации роль «заказчик» в профиле',
    en: 'Requests are published by customer organizations: mark the organization as a customer in its profile',
  },
  'request.transition': {
    ru: 'Действие «{{event}}» невозможно для запроса в статусе «{{status}}»',
    en: 'Action “{{event}}” is not possible for a request in status “{{status}}”',
  },
  'request.stale': {
    ru: 'Запрос только что изменил кто-то другой. Обновите страницу и повторите.',
    en: 'Someone has just changed this request. Reload the page and try again.',
  },
  'request.not_editable': {
    ru: 'Изменить можно только черновик запроса; статус запроса — «{{status}}»',
    en: 'Only a draft request can be changed; this one is “{{status}}”',
  },
  'request.deadline_past': {
    ru: 'Срок приёма решений должен быть в будущем',
    en: 'The deadline for solutions must be in the future',
  },
  'request.deadline_passed': {
    ru: 'Срок приёма решений уже прошёл: перенесите его в черновике запроса',
    en: 'The deadline for solutions has passed: move it in the draft request',
  },
  'request.related_unknown': { ru: 'Связанный запрос не найден', en: 'The related request does not exist' },
  'request.related_self': { ru: 'Запрос не может ссылаться сам на себя', en: 'A request cannot relate to itself' },
  'request.criteria_weights': {
    ru: 'Сумма весов критериев должна быть 100; сейчас {{sum}}',
    en: 'The criteria weights must sum to 100; now {{sum}}',
  },
  'request.criterion_key_duplicate': {
    ru: 'Такой ключ уже есть у другого критерия',
    en: 'Another criterion has this key',
  },
  'request.winner_invalid': {
    ru: 'Это не решение по этому запросу из шорт-листа, пилота или контракта',
    en: 'Not a solution of this request that is shortlisted, piloted or contracted',
  },
  'request.no_nda': { ru: 'У запроса нет условий NDA', en: 'The request has no NDA terms' },
  'request.not_public': {
    ru: 'Запрос ещё не опубликован: условия NDA принимают после публикации',
    en: 'The request is not published yet: NDA terms are accepted after publication',
  },
  'request.expert_not_in_pool': {
    ru: 'Пользователь не состоит в пуле экспертов',
    en: 'The user is not in the expert pool',
  },
  'request.expert_not_found': {
    ru: 'Эксперт не назначен на этот запрос',
    en: 'The expert is not appointed to this request',
  },
  'request.experts_closed': {
    ru: 'Экспертов не назначают запросу в статусе «{{status}}»',
    en: 'Experts are not appointed to a request in status “{{status}}”',
  },
  // investments
  'investor.not_found': { ru: 'Профиль инвестора не найден', en: 'Investor profile not found' },
  'investor.not_investor': {
    ru: 'Профиль инвестора ведёт организация с ролью «инвестор»: отметьте её в профиле организации',
    en: 'An investor profile belongs to an organization with the “investor” capability: set it in the profile',
  },
  'investor.exists': {
    ru: 'У организации уже есть профиль инвестора: измените его',
    en: 'The organization already has an investor profile: edit it instead',
  },
  'investor.stale': {
    ru: 'Профиль инвестора только что изменил кто-то другой. Обновите страницу и повторите.',
    en: 'Someone has just changed this investor profile. Reload the page and try again.',
  },
  'investor.ticket_range': {
    ru: 'Минимальный чек не может быть больше максимального',
    en: 'The smallest ticket cannot exceed the largest',
  },
  'startup.not_startup': {
    ru: 'Организация не отмечена как стартап: укажите это и стадию в профиле организации',
    en: 'The organization is not marked as a startup: set it and the stage in the organization profile',
  },
  'deal.not_found': { ru: 'Сделка не найдена', en: 'Deal not found' },
  'deal.transition': {
    ru: 'Действие «{{event}}» невозможно для сделки в статусе «{{status}}»',
    en: 'Action “{{event}}” is not possible for a deal in status “{{status}}”',
  },
  'deal.stale': {
    ru: 'Сделку только что изменил кто-то другой. Обновите страницу и повторите.',
    en: 'Someone has just changed this deal. Reload the page and try again.',
  },
  'deal.not_editable': {
    ru: 'Сделку в статусе «{{status}}» изменить нельзя: закрытую сделку можно только подтвердить или оспорить',
    en: 'A deal in status “{{status}}” cannot be changed: a closed deal can only be confirmed or disputed',
  },
  'deal.not_closed': {
    ru: 'Подтвердить или оспорить можно только закрытую сделку',
    en: 'Only a closed deal can be confirmed or disputed',
  },
  'deal.disputed': {
    ru: 'Сделка оспорена одной из сторон: её разбирает оператор',
    en: 'The deal is disputed by one side: the operator looks into it',
  },
  'deal.confirmed_cannot_dispute': {
    ru: 'Сторона, подтвердившая сделку, не может её оспорить',
    en: 'A side that confirmed the deal cannot dispute it',
  },
  'deal.same_person': {
    ru: 'Вторую сторону сделки должен подтвердить другой человек',
    en: 'The other side of the deal must be confirmed by someone else',
  },
  'deal.not_a_side': { ru: 'Организация — не сторона этой сделки', en: 'The organization is not a side of this deal' },
  'deal.party_unknown': { ru: 'Организация не найдена', en: 'Organization not found' },
  'deal.not_investor': {
    ru: 'У организации нет профиля инвестора и роли «инвестор»',
    en: 'The organization has neither an investor profile nor the “investor” capability',
  },
  'deal.same_sides': {
    ru: 'Инвестор и компания должны быть разными организациями',
    en: 'The investor and the company must be different organizations',
  },
  'deal.project_unrelated': {
    ru: 'Проект не найден среди проектов компании (как ведущей организации или подтверждённого партнёра)',
    en: 'The project is not one the company leads or is a confirmed partner of',
  },
  'deal.date_future': { ru: 'Дата закрытия не может быть в будущем', en: 'The closing date cannot be in the future' },
  'auth.token_invalid': {
    ru: 'API-токен недействителен: неизвестен, отозван, истёк, или его создатель больше не владелец организации',
    en: 'The API token is not valid: unknown, revoked, expired, or its creator is no longer an owner of the organization',
  },
  'auth.token_scope': {
    ru: 'У API-токена нет права «{{scope}}» для этого действия',
    en: 'The API token lacks the scope “{{scope}}” needed here',
  },
  'auth.token_session_only': {
    ru: 'Это действие доступно только после входа в систему, не по API-токену',
    en: 'This is only available to a signed-in person, not with an API token',
  },
  'token.not_found': { ru: 'API-токен не найден', en: 'API token not found' },
  'webhook.not_found': { ru: 'Вебхук не найден', en: 'Webhook not found' },
  'webhook.delivery_not_found': { ru: 'Отправка вебхука не найдена', en: 'Webhook delivery not found' },
  'webhook.delivery_pending': {
    ru: 'Эта отправка ещё в очереди: повторить можно доставленную или неудавшуюся',
    en: 'This delivery is still queued: only a delivered or failed one can be sent again',
  },
  'webhook.too_many': {
    ru: 'У организации может быть не больше {{max}} вебхуков',
    en: 'An organization may have at most {{max}} webhooks',
  },
  'field.expires_past': { ru: 'Срок действия должен быть в будущем', en: 'The expiry must be in the future' },
  'field.webhook_url_scheme': {
    ru: 'Адрес должен начинаться с http:// или https://',
    en: 'The address must start with http:// or https://',
  },
  'field.webhook_url_credentials': {
    ru: 'Адрес не должен содержать имя пользователя и пароль',
    en: 'The address must not contain a user name and password',
  },
  'field.webhook_url_private': {
    ru: 'Адрес во внутренней сети (localhost, частные и служебные адреса) не допускается',
    en: 'Addresses inside a private network (localhost, private and link-local addresses) are not allowed',
  },
  'field.webhook_event_unknown': {
    ru: 'Неизвестный тип события: укажите, например, application.* или application.status',
    en: 'Unknown event kind: use e.g. application.* or application.status',
  },
  'field.required': { ru: 'Обязательное поле', en: 'Required' },
  'field.type': { ru: 'Неверный тип значения', en: 'Wrong type of value' },
  'field.too_short': {
    ru: 'Слишком коротко: не меньше {{limit}} симв.',
    en: 'Too short: at least {{limit}} characters',
  },
  'field.too_long': { ru: 'Слишком длинно: не больше {{limit}} симв.', en: 'Too long: at most {{limit}} characters' },
  'field.too_few': { ru: 'Нужно не меньше {{limit}} элементов', en: 'At least {{limit}} items' },
  'field.too_many': { ru: 'Не больше {{limit}} элементов', en: 'At most {{limit}} items' },
  'field.too_small': { ru: 'Значение не меньше {{limit}}', en: 'Must be at least {{limit}}' },
  'field.too_big': { ru: 'Значение не больше {{limit}}', en: 'Must be at most {{limit}}' },
  'field.format': { ru: 'Неверный формат', en: 'Wrong format' },
  'field.choice': { ru: 'Выберите одно из допустимых значений', en: 'Choose one of the allowed values' },
  'field.unknown': { ru: 'Неизвестное поле', en: 'Unknown field' },
  'field.control_chars': { ru: 'Недопустимые управляющие символы', en: 'Control characters are not allowed' },
  'field.email': { ru: 'Неверный e-mail', en: 'Not a valid e-mail' },
} satisfies Catalogue;

export type MessageCode = keyof typeof MESSAGES;

export function translate(code: string, lang: Lang, params: Record<string, unknown> = {}): string {
  const entry = (MESSAGES as Catalogue)[code];
  const template = entry ? entry[lang] : code;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function pickLang(acceptLanguage: string | undefined, cookieLang: string | undefined): Lang {
  if (cookieLang === 'en' || cookieLang === 'ru') return cookieLang;
  if (!acceptLanguage) return 'ru';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ru';
}
