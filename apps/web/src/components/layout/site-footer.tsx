import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export const SiteFooter = () => {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="width-container">
        <nav aria-label={t('footer.links')}>
          <ul className="site-footer__links">
            <li>
              <Link to="/accessibility" className="site-footer__link">
                {t('footer.accessibility')}
              </Link>
            </li>
          </ul>
        </nav>
        <p>{t('footer.tagline')}</p>
      </div>
    </footer>
  );
};
