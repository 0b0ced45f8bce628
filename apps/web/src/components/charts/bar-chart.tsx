import {
  Bar,
  CartesianGrid,
  LabelList,
  Legend,
  BarChart as RechartsBarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from './chart-frame';
import { AXIS, asNumber, defaultFormatter, type ChartRow } from './chart-row';
import { ChartTable } from './chart-table';
import { useDrillDown } from './drill-down';
import { chartColour } from './palette';

export type { ChartRow } from './chart-row';

export type BarChartProps<T extends ChartRow> = {
  /** Already aggregated rows; the chart does no counting of its own. */
  data: T[];
  /** The key holding each row's label (one bar group per row); also the table's first heading. */
  index: keyof T & string;
  /** The keys holding values; each becomes a series and a table column. */
  categories: (keyof T & string)[];
  valueFormatter?: (value: number) => string;
  title: string;
  /** One line computed from the data (see summaries.ts). */
  summary: string;
  height?: number;
  /** Stack the categories in one bar per row (a mix adding up to a whole) instead of side by side. */
  stacked?: boolean;
  /** `rows` (horizontal bars, for labelled categories) or `columns` (for buckets of time, left to right). */
  orientation?: 'rows' | 'columns';
  /** Drill-down: a click, or Enter on the active bar, opens the posts behind that row. */
  onSelect?: (row: T) => void;
};

/**
 * Horizontal bars (labels stay readable however long they are), a text summary, and the same numbers as a
 * table for anyone who cannot or would rather not read a chart.
 */
export const BarChart = <T extends ChartRow>({
  data,
  index,
  categories,
  valueFormatter = defaultFormatter,
  title,
  summary,
  height,
  stacked = false,
  orientation = 'rows',
  onSelect,
}: BarChartProps<T>) => {
  const drill = useDrillDown(onSelect);
  const columns = orientation === 'columns';
  const chartHeight = height ?? (columns ? 240 : Math.max(120, data.length * 44 + 40));
  const valueAxis = {
    type: 'number' as const,
    allowDecimals: false,
    tickFormatter: valueFormatter,
    tick: AXIS.tick,
    stroke: AXIS.stroke,
  };
  const labelAxis = {
    type: 'category' as const,
    dataKey: index as string,
    tick: AXIS.tick,
    stroke: AXIS.stroke,
  };
  // Recharts cannot check keys against a generic row type; the props above already did.
  const rows: ChartRow[] = data;
  return (
    <ChartFrame
      title={title}
      summary={summary}
      drillHint={
        onSelect
          ? 'Select a bar, or move to it with the arrow keys and press Enter, to see the posts behind it.'
          : undefined
      }
      table={
        <ChartTable
          data={data}
          index={index}
          categories={categories}
          valueFormatter={valueFormatter}
          caption={title}
          onSelect={onSelect}
        />
      }
    >
      <div style={{ height: chartHeight }} {...drill.canvasProps}>
        <ResponsiveContainer width="100%" height="100%">
          <RechartsBarChart
            data={rows}
            layout={columns ? 'horizontal' : 'vertical'}
            margin={{ top: columns ? 16 : 4, right: columns ? 8 : 40, bottom: 4, left: 0 }}
            title={title}
            desc={summary}
            accessibilityLayer
          >
            <CartesianGrid
              horizontal={columns}
              vertical={!columns}
              stroke={AXIS.grid}
              strokeDasharray="2 4"
            />
            {columns ? (
              <>
                <XAxis {...labelAxis} minTickGap={16} />
                <YAxis {...valueAxis} width={48} />
              </>
            ) : (
              <>
                <XAxis {...valueAxis} />
                <YAxis {...labelAxis} width={140} interval={0} />
              </>
            )}
            <Tooltip
              formatter={(value) => valueFormatter(asNumber(value))}
              cursor={{ fill: '#f3f2f1' }}
              contentStyle={{ border: '1px solid #0b0c0c', borderRadius: 0 }}
            />
            {categories.length > 1 && <Legend />}
            {categories.map((category, position) => (
              <Bar
                key={category}
                dataKey={category as string}
                fill={chartColour(position)}
                stackId={stacked ? 'stack' : undefined}
                isAnimationActive={false}
              >
                {!stacked && !columns && (
                  <LabelList
                    dataKey={category}
                    position="right"
                    formatter={(value: unknown) => valueFormatter(asNumber(value))}
                    fill="#0b0c0c"
                  />
                )}
              </Bar>
            ))}
            {drill.tracker}
          </RechartsBarChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
};
