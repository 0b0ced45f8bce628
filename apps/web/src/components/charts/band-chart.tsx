import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from './chart-frame';
import { AXIS, asNumber, defaultFormatter, type ChartRow } from './chart-row';
import { ChartTable } from './chart-table';
import { chartColour } from './palette';

type BandChartProps<T extends ChartRow> = {
  /** Already aggregated rows, oldest first. */
  data: T[];
  /** The key holding each row's label (a time as people read it); also the table's first heading. */
  index: keyof T & string;
  /** The key of the value observed (drawn as a solid line). */
  value: keyof T & string;
  /** The key of the value expected (a dashed line inside the band). */
  expected: keyof T & string;
  /** The keys of the band's lower and upper edge (the usual range). */
  low: keyof T & string;
  high: keyof T & string;
  valueFormatter?: (value: number) => string;
  title: string;
  summary: string;
  height?: number;
};

const BAND_FILL = '#b1b4b6';

/**
 * An observed series against its usual range: the band is the range, the dashed line what was expected, the solid
 * line what happened. Line style (solid, dashed) tells them apart as well as colour does.
 */
export const BandChart = <T extends ChartRow>({
  data,
  index,
  value,
  expected,
  low,
  high,
  valueFormatter = defaultFormatter,
  title,
  summary,
  height = 260,
}: BandChartProps<T>) => {
  const rows = data.map((row) => ({ ...row, band: [asNumber(row[low]), asNumber(row[high])] }));
  return (
    <ChartFrame
      title={title}
      summary={summary}
      table={
        <ChartTable
          data={data}
          index={index}
          categories={[value, expected, low, high]}
          valueFormatter={valueFormatter}
          caption={title}
        />
      }
    >
      <div style={{ height }} className="chart__canvas">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={rows}
            margin={{ top: 12, right: 24, bottom: 4, left: 0 }}
            title={title}
            desc={summary}
            accessibilityLayer
          >
            <CartesianGrid vertical={false} stroke={AXIS.grid} strokeDasharray="2 4" />
            <XAxis dataKey={index as string} tick={AXIS.tick} stroke={AXIS.stroke} minTickGap={24} />
            <YAxis tickFormatter={valueFormatter} tick={AXIS.tick} stroke={AXIS.stroke} width={56} />
            <Tooltip
              formatter={(v, name) =>
                Array.isArray(v)
                  ? [`${valueFormatter(asNumber(v[0]))} to ${valueFormatter(asNumber(v[1]))}`, name]
                  : [valueFormatter(asNumber(v)), name]
              }
              contentStyle={{ border: '1px solid #0b0c0c', borderRadius: 0 }}
              // Recharts colours each line of the tooltip as its series; the band's grey is too pale to read.
              itemStyle={{ color: '#0b0c0c' }}
            />
            {/* Recharts writes each legend entry in its series' colour; the band's grey is too pale to read. */}
            <Legend formatter={(name) => <span style={{ color: '#0b0c0c' }}>{name}</span>} />
            <Area
              type="monotone"
              dataKey="band"
              name="Usual range"
              stroke="none"
              fill={BAND_FILL}
              fillOpacity={0.6}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey={expected as string}
              name={expected}
              stroke="#505a5f"
              strokeDasharray="6 4"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey={value as string}
              name={value}
              stroke={chartColour(0)}
              strokeWidth={3}
              dot={data.length > 60 ? false : { r: 3, fill: chartColour(0) }}
              activeDot={{ r: 6, stroke: '#0b0c0c', strokeWidth: 2 }}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
};
