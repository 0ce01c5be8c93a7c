// Interface language: Russian by default, English by choice; remembered in localStorage and in the
// klaster_lang cookie so that the server answers (error messages) in the same language.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import ru from './ru.json';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'klaster_lang';
const COOKIE_NAME = 'klaster_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function isLanguage(value: unknown): value is Language {
  return value === 'ru' || value === 'en';
}

function readStoredLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage may be blocked; the cookie still remembers the choice
  }
  const cookie = document.cookie.split('; ').find((part) => part.startsWith(`${COOKIE_NAME}=`));
  const fromCookie = cookie?.slice(COOKIE_NAME.length + 1);
  return isLanguage(fromCookie) ? fromCookie : undefined;
}

function detectLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) return stored;
  // the same rule as the server: an English browser gets English, everyone else Russian
  return navigator.language?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

function applyLanguage(language: Language) {
  document.documentElement.lang = language;
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie to answer in the same language
  document.cookie = `${COOKIE_NAME}=${language}; path=/; max-age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'ru';
}

export async function switchLanguage(language: Language) {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // the cookie keeps the choice
  }
  applyLanguage(language);
  await i18next.changeLanguage(language);
}

export function initI18n() {
  const language = detectLanguage();
  applyLanguage(language);
  void i18next.use(initReactI18next).init({
    resources: { ru: { translation: ru }, en: { translation: en } },
    lng: language,
    fallbackLng: 'ru',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
