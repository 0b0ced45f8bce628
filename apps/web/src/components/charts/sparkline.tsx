import { Line, LineChart, ResponsiveContainer } from 'recharts';
import { chartColour } from './palette';

type SparklineProps = { values: (number | null)[] };

/**
 * A tile's trend at a glance. Hidden from assistive technology: the tile says the value, the change and where to
 * find the full series in words, and a line this small has no more to tell.
 */
export const Sparkline = ({ values }: SparklineProps) => {
  if (values.filter((v) => v !== null).length < 2) return null;
  const rows = values.map((value, at) => ({ at, value }));
  return (
    <div className="sparkline" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 2, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
          <Line
            type="monotone"
            dataKey="value"
            stroke={chartColour(0)}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
};
