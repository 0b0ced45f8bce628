import { Link, useLocation } from 'react-router';
import type { Me } from '@parley/contracts';
import { useSignedInUser } from '../../features/auth/api/get-me';

type Permission = Me['departments'][number]['permissions'][number];
type DashboardPage = { to: string; label: string; description: string; permission: Permission };

/**
 * Everything under the header's one "Dashboards" link: the three dashboards, then the evaluation pages for those
 * who read (or record) evaluation. One list, so the overview page and the section's own navigation never disagree.
 */
export const DASHBOARD_PAGES: DashboardPage[] = [
  {
    to: '/dashboards/engagement',
    label: 'Engagement',
    description:
      'For comms teams: what came in, what the team answered and how fast, and how its own posts did.',
    permission: 'department.read',
  },
  {
    to: '/dashboards/evaluation',
    label: 'Evaluation',
    description: 'For managers: what the engagement achieved, stage by stage, against the objectives.',
    permission: 'department.read',
  },
  {
    to: '/dashboards/public-says',
    label: 'What the public says',
    description: 'For policy officials: the themes, the tone with its measured accuracy, and the mentions.',
    permission: 'department.read',
  },
  {
    to: '/reports/impact',
    label: 'Impact report',
    description: 'What was heard, what was done and what changed, to print or download as PDF or CSV.',
    permission: 'evaluation.read',
  },
  {
    to: '/evaluation-records',
    label: 'Evaluation records',
    description: 'Objectives, policy influence and its follow-ups, lessons, surveys and costs.',
    permission: 'evaluation.read',
  },
  {
    to: '/sentiment/labels',
    label: 'Check sentiment',
    description: 'Label a sample of posts, so Parley can say how accurate its reading of tone is.',
    permission: 'evaluation.record',
  },
];

export const dashboardPagesFor = (me: Pick<Me, 'workspaceAdmin' | 'departments'>): DashboardPage[] =>
  DASHBOARD_PAGES.filter(
    (page) => me.workspaceAdmin || me.departments.some((d) => d.permissions.includes(page.permission)),
  );

/** The section's own navigation, on every page under "Dashboards"; the current page is marked for screen readers. */
export const DashboardsNav = () => {
  const me = useSignedInUser();
  const { pathname } = useLocation();
  return (
    <nav className="section-nav no-print" aria-label="Dashboards and reports">
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
