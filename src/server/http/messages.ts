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
  'internal': { ru: 'Внутренняя ошибка сервера, мы уже разбираемся', en: 'Internal server error' },
  'auth.required': { ru: 'Войдите в систему', en: 'Please sign in' },
  'auth.forbidden': { ru: 'Недостаточно прав', en: 'You do not have permission for this' },
  'auth.csrf': { ru: 'Сессия устарела: обновите страницу', en: 'Your session token is missing or stale: reload the page' },
  'auth.invalid_credentials': { ru: 'Неверный e-mail или пароль', en: 'Wrong e-mail or password' },
  'auth.throttled': {
    ru: 'Слишком много неудачных попыток входа. Попробуйте через {{minutes}} мин.',
    en: 'Too many failed sign-in attempts. Try again in {{minutes}} min.',
  },
  'auth.email_taken': { ru: 'Пользователь с таким e-mail уже зарегистрирован', en: 'This e-mail is already registered' },
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
  'field.required': { ru: 'Обязательное поле', en: 'Required' },
  'field.type': { ru: 'Неверный тип значения', en: 'Wrong type of value' },
  'field.too_short': { ru: 'Слишком коротко: не меньше {{limit}} симв.', en: 'Too short: at least {{limit}} characters' },
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
