import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '@parley/contracts';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { i18n } from '../../lib/i18n';
import type { Messages } from '../../lib/i18n/en';

type Permission = Me['departments'][number]['permissions'][number];
type DashboardPage = { to: string; label: string; description: string; permission: Permission };
type PageKey = keyof Messages['dashboards']['pages'];

/** A page whose name and sentence are read from the message catalogue, in the language in use, when shown. */
const page = (to: string, key: PageKey, permission: Permission): DashboardPage => ({
  to,
  permission,
  get label() {
    return i18n.t(`dashboards.pages.${key}.label`);
  },
  get description() {
    return i18n.t(`dashboards.pages.${key}.description`);
  },
});

/**
 * Everything under the header's one "Dashboards" link: the three dashboards, then the evaluation pages for those
 * who read (or record) evaluation. One list, so the overview page and the section's own navigation never disagree.
 */
export const DASHBOARD_PAGES: DashboardPage[] = [
  page('/dashboards/engagement', 'engagement', 'department.read'),
  page('/dashboards/evaluation', 'evaluation', 'department.read'),
  page('/dashboards/public-says', 'publicSays', 'department.read'),
  page('/reports/impact', 'impact', 'evaluation.read'),
  page('/evaluation-records', 'records', 'evaluation.read'),
  page('/sentiment/labels', 'sentiment', 'evaluation.record'),
];

export const dashboardPagesFor = (me: Pick<Me, 'workspaceAdmin' | 'departments'>): DashboardPage[] =>
  DASHBOARD_PAGES.filter(
    (page) => me.workspaceAdmin || me.departments.some((d) => d.permissions.includes(page.permission)),
  );

/** The section's own navigation, on every page under "Dashboards"; the current page is marked for screen readers. */
export const DashboardsNav = () => {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const { pathname } = useLocation();
  return (
    <nav className="section-nav no-print" aria-label={t('dashboards.sectionNav')}>
      <ul className="section-nav__list">
        {dashboardPagesFor(me).map((page) => {
          const current = pathname.startsWith(page.to);
          return (
            <li key={page.to}>
              <Link
                to={page.to}
                className={`section-nav__link${current ? ' section-nav__link--current' : ''}`}
                aria-current={current ? 'page' : undefined}
              >
                {page.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
};
