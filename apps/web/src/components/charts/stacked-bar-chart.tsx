import { BarChart, type BarChartProps } from './bar-chart';
import type { ChartRow } from './chart-row';

/** One bar per row with its categories stacked: a mix that adds up to a whole (engagement modes, activity by route). */
export const StackedBarChart = <T extends ChartRow>(props: Omit<BarChartProps<T>, 'stacked'>) => (
  <BarChart {...props} stacked />
);
