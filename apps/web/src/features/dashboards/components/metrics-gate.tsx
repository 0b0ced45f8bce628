import type { ReactNode } from 'react';
import type { MetricsResponse } from '@parley/contracts';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useMetrics } from '../api/get-metrics';
import type { DashboardScope } from '../api/dashboard-scope';

const londonDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** [from, to) in words, by London days: the last day shown is the one before `to`. */
const periodInWords = ({ from, to }: { from: string; to: string }) =>
  `${londonDay.format(new Date(from))} to ${londonDay.format(new Date(Date.parse(to) - 1))}`;

type MetricsGateProps = { scope: DashboardScope; children: (metrics: MetricsResponse) => ReactNode };

/** Loads the metrics once for the page, says the period (UK time) and its comparison, then renders the page. */
export const MetricsGate = ({ scope, children }: MetricsGateProps) => {
  const metrics = useMetrics(scope);
  if (metrics.isPending) return <Loading label="Loading the figures" />;
  if (metrics.isError) {
    return (
      <ErrorPanel
        title="The figures could not be loaded"
        error={metrics.error}
        onRetry={() => void metrics.refetch()}
      />
    );
  }
  const { window, compare, definitionsVersion } = metrics.data;
  return (
    <>
      <p className="period-line">
        <strong>{periodInWords(window)}</strong>, UK time
        {compare ? `, compared with ${periodInWords(compare)}` : ', with no comparison'}. Definitions version{' '}
        {definitionsVersion}.
      </p>
      {children(metrics.data)}
    </>
  );
};
