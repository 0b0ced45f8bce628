import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorPanel } from '../../components/ui/error-panel';
import { Loading } from '../../components/ui/loading';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { useAuthorViewReport } from '../../features/lawful-listening/api/get-author-view-report';
import { AuthorViewReportTable } from '../../features/lawful-listening/components/author-view-report-table';
import { PeriodFilter } from '../../features/lawful-listening/components/period-filter';
import {
  periodOf,
  reportQuery,
  type ReportPeriod,
} from '../../features/lawful-listening/utils/report-params';

/** For the data protection officer: who opened which member of the public's posts repeatedly. */
export const AuthorViewsRoute = () => {
  const me = useSignedInUser();
  const [search, setSearch] = useSearchParams();
  const period = periodOf(search);
  return (
    <>
      <title>Repeated viewing of members of the public – Parley</title>
      <span className="caption">Report for the data protection officer</span>
      <h1 className="heading-l">Repeated viewing of members of the public</h1>
      {!me.workspaceAdmin ? (
        <EmptyState title="You cannot see this report">
          <p>Workspace administrators see it, for the data protection officer.</p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            Parley listens by topic. Looking at one member of the public again and again can become directed
            surveillance under RIPA, which may need authorisation. This report shows who opened conversations
            with posts by the same person, how often, and the reasons they gave.
          </p>
          <PeriodFilter
            key={search.toString()}
            value={period}
            onApply={(next) => setSearch(new URLSearchParams(next))}
          />
          <Results period={period} />
        </>
      )}
    </>
  );
};

const Results = ({ period }: { period: ReportPeriod }) => {
  const report = useAuthorViewReport(period);
  if (report.isPending) return <Loading label="Loading the report" />;
  if (report.isError)
    return (
      <ErrorPanel
        title="The report could not be loaded"
        error={report.error}
        onRetry={() => void report.refetch()}
      />
    );
  return (
    <>
      <p>
        {/* A download, not a page: a plain link lets the browser save it, with the session cookie. */}
        <a
          className="button button--secondary"
          href={`/api/reports/author-views?${reportQuery(period, 'csv')}`}
          download
        >
          Download as CSV
        </a>
      </p>
      <AuthorViewReportTable report={report.data} now={new Date()} />
    </>
  );
};
