import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES, changeLanguage, i18n, type Language } from '../../lib/i18n';

/**
 * English | Cymraeg, each offered in its own language (the GOV.UK language switcher), remembered per browser.
 * Both stay buttons so focus stays where it was after a switch; the one in use is marked `aria-current`.
 */
export const LanguageSwitch = () => {
  const { t, i18n: current } = useTranslation();
  return (
    <nav className="language-switch" aria-label={t('language.switcher')}>
      <ul className="language-switch__list">
        {LANGUAGE_CODES.map((code: Language) => {
          const inUse = current.resolvedLanguage === code;
          const own = i18n.getFixedT(code);
          return (
            <li key={code} className="language-switch__item">
              <button
                type="button"
                lang={code}
                className={`language-switch__button${inUse ? ' language-switch__button--current' : ''}`}
                aria-current={inUse ? 'true' : undefined}
                onClick={() => void changeLanguage(code)}
              >
                <span className="visually-hidden">{own('language.changeToThis')}</span>
                <span aria-hidden="true">{own('language.name')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
};
