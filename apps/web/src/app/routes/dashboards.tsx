import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { dashboardPagesFor } from './dashboards-nav';

/** The header's "Dashboards": each page of the section in a sentence, so people pick the one written for them. */
export const DashboardsRoute = () => {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const pages = dashboardPagesFor(me);
  if (pages.length === 0) {
    return (
      <>
        <title>{t('dashboards.pageTitle')}</title>
        <h1 className="heading-l">{t('dashboards.heading')}</h1>
        <EmptyState title={t('common.noDepartmentTitle')}>
          <p>{t('common.noDepartmentBody')}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <title>{t('dashboards.pageTitle')}</title>
      <h1 className="heading-l">{t('dashboards.heading')}</h1>
      <p className="lead">{t('dashboards.lead')}</p>
      <ul className="dashboard-index">
        {pages.map((page) => (
          <li key={page.to} className="dashboard-index__item">
            <h2 className="heading-m">
              <Link className="link" to={page.to}>
                {page.label}
              </Link>
            </h2>
            <p>{page.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
};
