import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { dashboardPagesFor } from './dashboards-nav';

/** The header's "Dashboards": each page of the section in a sentence, so people pick the one written for them. */
export const DashboardsRoute = () => {
  const me = useSignedInUser();
  const pages = dashboardPagesFor(me);
  if (pages.length === 0) {
    return (
      <>
        <title>Dashboards – Parley</title>
        <h1 className="heading-l">Dashboards and reports</h1>
        <EmptyState title="You are not in any department yet">
          <p>Ask a department admin to add you; its figures appear here once they have.</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <title>Dashboards – Parley</title>
      <h1 className="heading-l">Dashboards and reports</h1>
      <p className="lead">The department’s figures, each page written for the people who use it.</p>
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
