import { BandChart } from '../../../components/charts/band-chart';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useAlertSeries } from '../api/get-alert';
import { SERIES_COLUMNS, seriesFormatter, seriesRows, summariseAlertSeries } from '../utils/series-rows';

/** The hours the alert was judged on against the usual range, with a table view and a summary in words. */
export const AlertSeriesChart = ({ alertId }: { alertId: string }) => {
  const series = useAlertSeries(alertId);
  if (series.isPending) return <Loading label="Loading the chart" />;
  if (series.isError)
    return (
      <ErrorPanel
        title="The chart could not be loaded"
        error={series.error}
        onRetry={() => void series.refetch()}
      />
    );
  const unit = series.data.unit === 'net sentiment points' ? 'net sentiment' : 'mentions an hour';
  return (
    <BandChart
      data={seriesRows(series.data)}
      index={SERIES_COLUMNS.at}
      value={SERIES_COLUMNS.observed}
      expected={SERIES_COLUMNS.expected}
      low={SERIES_COLUMNS.low}
      high={SERIES_COLUMNS.high}
      valueFormatter={seriesFormatter(series.data.unit)}
      title={`Hour by hour: ${unit} against the usual range`}
      summary={summariseAlertSeries(series.data)}
    />
  );
};
