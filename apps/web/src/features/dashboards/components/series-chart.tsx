import type { MetricPostsQuery } from '@parley/contracts';
import type { MetricId } from '@parley/domain';
import { BarChart } from '../../../components/charts/bar-chart';
import { LineChart } from '../../../components/charts/line-chart';
import { summariseSeries } from '../../../components/charts/summaries';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useMetricSeries } from '../api/get-metric-series';
import { notServed, type DashboardScope } from '../api/dashboard-scope';
import { formatMetricValue } from '../utils/metric-text';
import { bucketEnd, bucketLabel, perBucket, seriesRows, type SeriesRow } from '../utils/series-rows';
import { NotYet } from './not-yet';
import type { DrillDown } from './posts-panel';

type SeriesChartProps = {
  metric: MetricId;
  scope: DashboardScope;
  bucket: 'hour' | 'day' | 'week';
  title: string;
  /** What is counted, capitalised, for the summary and the table heading: "Mentions". */
  noun: string;
  /** Columns for counts in buckets (opportunities a day), a line with spike markers for a rate over time. */
  kind: 'columns' | 'line';
  /** Narrowing carried into the posts behind a bucket (theme, channel). */
  postsFilter?: Pick<MetricPostsQuery, 'theme' | 'platform'>;
  onDrill?: (drill: DrillDown) => void;
};

/** One metric over the period, fetched bucket by bucket, with drill-down from a bucket to its posts. */
export const SeriesChart = ({
  metric,
  scope,
  bucket,
  title,
  noun,
  kind,
  postsFilter,
  onDrill,
}: SeriesChartProps) => {
  const series = useMetricSeries({
    metric,
    department: scope.department,
    from: scope.from,
    to: scope.to,
    bucket,
  });
  if (series.isPending) return <Loading label={`Loading ${title.toLowerCase()}`} />;
  if (series.isError) {
    return notServed(series.error) ? (
      <NotYet title={title} />
    ) : (
      <ErrorPanel
        title={`${title} could not be loaded`}
        error={series.error}
        onRetry={() => void series.refetch()}
      />
    );
  }
  const { unit, points } = series.data;
  const format = (value: number) => formatMetricValue(value, unit);
  const rows = seriesRows(points, bucket, noun);
  const summary = summariseSeries(noun, points, format, unit === 'count' ? perBucket(bucket) : '');
  const select = onDrill
    ? (row: SeriesRow) =>
        onDrill({
          title: `Posts behind ${noun.toLowerCase()}, ${bucketLabel(row.at, bucket)}`,
          filter: {
            department: scope.department,
            from: row.at,
            to: bucketEnd(row.at, bucket),
            ...postsFilter,
          },
        })
    : undefined;
  return kind === 'columns' ? (
    <BarChart
      data={rows}
      index="When"
      categories={[noun]}
      valueFormatter={format}
      title={title}
      summary={summary}
      orientation="columns"
      onSelect={select}
    />
  ) : (
    <LineChart
      data={rows}
      index="When"
      category={noun}
      spikeKey="spike"
      valueFormatter={format}
      title={title}
      summary={summary}
      onSelect={select}
    />
  );
};
