import {
  CartesianGrid,
  Line,
  LineChart as RechartsLineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from './chart-frame';
import { AXIS, asNumber, defaultFormatter, type ChartRow } from './chart-row';
import { ChartTable } from './chart-table';
import { useDrillDown } from './drill-down';
import { chartColour, SPIKE_COLOUR } from './palette';

type LineChartProps<T extends ChartRow> = {
  /** Already aggregated rows, oldest first; a null value is a gap in the line, not a zero. */
  data: T[];
  /** The key holding each row's label (a time as people read it); also the table's first heading. */
  index: keyof T & string;
  /** The key holding the value. */
  category: keyof T & string;
  /** The key holding true where the point is a spike: drawn as a larger diamond and listed in the table. */
  spikeKey?: keyof T & string;
  valueFormatter?: (value: number) => string;
  title: string;
  summary: string;
  height?: number;
  /** Drill-down: a click, or Enter on the active point, opens the posts behind that bucket. */
  onSelect?: (row: T) => void;
};

type DotProps = { cx?: number; cy?: number; payload?: ChartRow; index?: number };

/** A line over time with spikes marked by shape as well as colour, so they read without colour vision. */
export const LineChart = <T extends ChartRow>({
  data,
  index,
  category,
  spikeKey,
  valueFormatter = defaultFormatter,
  title,
  summary,
  height = 240,
  onSelect,
}: LineChartProps<T>) => {
  const drill = useDrillDown(onSelect);
  const rows: ChartRow[] = data;
  const dot = ({ cx, cy, payload, index: at }: DotProps) => {
    if (cx === undefined || cy === undefined || payload?.[category] === null) return <g key={at} />;
    if (spikeKey && payload?.[spikeKey] === true) {
      return (
        <path
          key={at}
          d={`M${cx},${cy - 8}L${cx + 8},${cy}L${cx},${cy + 8}L${cx - 8},${cy}Z`}
          fill={SPIKE_COLOUR}
          stroke="#0b0c0c"
          strokeWidth={1}
        />
      );
    }
    return <circle key={at} cx={cx} cy={cy} r={data.length > 60 ? 0 : 3} fill={chartColour(0)} />;
  };
  return (
    <ChartFrame
      title={title}
      summary={summary}
      drillHint={
        onSelect
          ? 'Select a point, or move to it with the arrow keys and press Enter, to see the posts behind it.'
          : undefined
      }
      table={
        <ChartTable
          data={data}
          index={index}
          categories={[category]}
          valueFormatter={valueFormatter}
          caption={title}
          extra={spikeKey ? [{ heading: 'Spike', cell: (row) => (row[spikeKey] === true ? 'Yes' : '') }] : []}
          onSelect={onSelect}
        />
      }
    >
      {spikeKey && data.some((row) => row[spikeKey] === true) && (
        <p className="chart__key">
          <span className="chart__spike-key" aria-hidden="true" /> A diamond marks a spike.
        </p>
      )}
      <div style={{ height }} {...drill.canvasProps}>
        <ResponsiveContainer width="100%" height="100%">
          <RechartsLineChart
            data={rows}
            margin={{ top: 12, right: 24, bottom: 4, left: 0 }}
            title={title}
            desc={summary}
            accessibilityLayer
          >
            <CartesianGrid vertical={false} stroke={AXIS.grid} strokeDasharray="2 4" />
            <XAxis dataKey={index as string} tick={AXIS.tick} stroke={AXIS.stroke} minTickGap={24} />
            <YAxis
              allowDecimals={false}
              tickFormatter={valueFormatter}
              tick={AXIS.tick}
              stroke={AXIS.stroke}
              width={56}
            />
            <Tooltip
              formatter={(value) => valueFormatter(asNumber(value))}
              contentStyle={{ border: '1px solid #0b0c0c', borderRadius: 0 }}
            />
            <Line
              type="monotone"
              dataKey={category as string}
              stroke={chartColour(0)}
              strokeWidth={2}
              dot={dot}
              activeDot={{ r: 6, stroke: '#0b0c0c', strokeWidth: 2 }}
              connectNulls={false}
              isAnimationActive={false}
            />
            {drill.tracker}
          </RechartsLineChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
};
