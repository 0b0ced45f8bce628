import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorPanel } from '../../components/ui/error-panel';
import { Loading } from '../../components/ui/loading';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { useImpactReport } from '../../features/reports/api/get-impact-report';
import { DigestSubscriptionForm } from '../../features/reports/components/digest-subscription-form';
import { ReportFilters } from '../../features/reports/components/report-filters';
import { ReportView } from '../../features/reports/components/report-view';
import {
  parseReportParams,
  reportHref,
  reportSearch,
  type ReportParams,
} from '../../features/reports/utils/report-params';
import { DashboardsNav } from './dashboards-nav';

export const ImpactReportRoute = () => {
  const me = useSignedInUser();
  const readable = me.departments.filter((d) => d.permissions.includes('evaluation.read'));
  const [search, setSearch] = useSearchParams();
  const params = parseReportParams(
    search,
    readable.map((d) => d.key),
    new Date(),
  );

  return (
    <>
      <title>Impact report – Parley</title>
      <DashboardsNav />
      <h1 className="heading-l">Impact report</h1>
      {readable.length === 0 ? (
        <EmptyState title="You cannot see impact reports">
          <p>A department’s policy officials, managers and admins read its impact report.</p>
        </EmptyState>
      ) : (
        <>
          <p className="lead no-print">
            What the public said, what the department did and what changed, for a period you choose. Print it,
            or download it as a PDF or the tables as CSV.
          </p>
          <ReportFilters
            key={search.toString()}
            departments={readable}
            value={params}
            onApply={(next) => setSearch(reportSearch(next))}
          />
          <ReportResult params={params} />
          <DigestSubscriptionForm
            key={params.department}
            department={params.department}
            departmentName={readable.find((d) => d.key === params.department)?.name ?? params.department}
          />
        </>
      )}
    </>
  );
};

const ReportResult = ({ params }: { params: ReportParams }) => {
  const report = useImpactReport(params);
  if (report.isPending) return <Loading label="Loading the impact report" />;
  if (report.isError) {
    return (
      <ErrorPanel
        title="The impact report could not be loaded"
        error={report.error}
        onRetry={() => void report.refetch()}
      />
    );
  }
  return (
    <>
      <p className="no-print">
        {/* Downloads, not pages: plain links let the browser save them, with the session cookie. */}
        <a className="button button--secondary" href={reportHref(params, 'pdf')} download>
          Download PDF
        </a>{' '}
        <a className="button button--secondary" href={reportHref(params, 'csv')} download>
          Download CSV
        </a>
      </p>
      <ReportView report={report.data} />
    </>
  );
};
