import { BarChart } from '../../../components/charts/bar-chart';
import { StackedBarChart } from '../../../components/charts/stacked-bar-chart';
import { summariseBars } from '../../../components/charts/summaries';
import { NotYet } from './not-yet';

type BreakdownChartProps = {
  title: string;
  /** Capitalised, for the table heading: "Engagements". */
  noun: string;
  /** Labelled counts or shares; null when the metric does not give this breakdown (yet). */
  items: { label: string; value: number }[] | null;
  /** Said instead of a chart of zeros when the period has nothing to break down. */
  empty: string;
  valueFormatter?: (value: number) => string;
  /** One stacked bar of shares adding up to a whole (the engagement mode mix). */
  stacked?: boolean;
};

/** A metric's breakdown (by type, by route, by mode) as bars, with its summary and table. */
export const BreakdownChart = ({
  title,
  noun,
  items,
  valueFormatter,
  stacked = false,
  empty,
}: BreakdownChartProps) => {
  if (items === null) return <NotYet title={title} />;
  if (items.every((item) => item.value === 0)) return <NotYet title={title}>{empty}</NotYet>;
  const format = valueFormatter ?? ((value: number) => new Intl.NumberFormat('en-GB').format(value));
  const summary = summariseBars(title, items, format);
  if (stacked) {
    const row: Record<string, string | number> = { Share: noun };
    for (const item of items) row[item.label] = item.value;
    return (
      <StackedBarChart
        data={[row]}
        index="Share"
        categories={items.map((item) => item.label)}
        valueFormatter={format}
        title={title}
        summary={summary}
        height={120}
      />
    );
  }
  return (
    <BarChart
      data={items.map((item) => ({ Kind: item.label, [noun]: item.value }))}
      index="Kind"
      categories={[noun]}
      valueFormatter={format}
      title={title}
      summary={summary}
    />
  );
};
