import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cy } from './cy';
import { en } from './en';

/** The languages Parley is offered in: public bodies in Wales must offer Welsh. */
export const LANGUAGES = {
  en: { htmlLang: 'en-GB', locale: 'en-GB' },
  cy: { htmlLang: 'cy', locale: 'cy-GB' },
} as const;
export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as Language[];

const STORAGE_KEY = 'parley.language';
const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGE_CODES as string[]).includes(value);

// The choice is remembered per browser; storage can be refused (private modes, tests in Node), so guard it.
const remembered = (): Language => {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'en';
  } catch {
    return 'en';
  }
};

const applyToDocument = (language: Language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = LANGUAGES[language].htmlLang;
};

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, cy: { translation: cy } },
  lng: remembered(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGE_CODES,
  // React escapes what it renders, so i18next must not escape a second time.
  interpolation: { escapeValue: false },
  // The catalogues are bundled, so the first render can already be in the chosen language.
  initAsync: false,
});
applyToDocument(currentLanguage());

export function currentLanguage(): Language {
  return isLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'en';
}

/** The BCP 47 locale dates and numbers are formatted in (`Intl`), for the language in use. */
export const currentLocale = (): string => LANGUAGES[currentLanguage()].locale;

export const changeLanguage = async (language: Language): Promise<void> => {
  await i18next.changeLanguage(language);
  applyToDocument(language);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered; the page still switches.
  }
};

export { i18next as i18n };
