import { useId } from 'react';
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
import { chartColour } from './palette';

export type ChartRow = Record<string, string | number>;

type BarChartProps<T extends ChartRow> = {
  /** Already aggregated rows; the chart does no counting of its own. */
  data: T[];
  /** The key holding each row's label (one bar group per row). */
  index: keyof T & string;
  /** The keys holding values; each becomes a series and a table column. */
  categories: (keyof T & string)[];
  valueFormatter?: (value: number) => string;
  title: string;
  /** One or two sentences saying what the chart shows, for everyone, not only screen-reader users. */
  summary: string;
  height?: number;
};

const defaultFormatter = (value: number) => new Intl.NumberFormat('en-GB').format(value);

const asNumber = (value: unknown): number => (typeof value === 'number' ? value : Number(value) || 0);

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
}: BarChartProps<T>) => {
  const titleId = useId();
  const chartHeight = height ?? Math.max(120, data.length * 44 + 40);
  // Recharts cannot check keys against a generic row type; the props above already did.
  const rows: ChartRow[] = data;
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart__title">
        {title}
      </figcaption>
      <p className="chart__summary">{summary}</p>
      <div className="chart__canvas" style={{ height: chartHeight }}>
        <ResponsiveContainer width="100%" height="100%">
          <RechartsBarChart
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 32, bottom: 4, left: 0 }}
            title={title}
            desc={summary}
          >
            <CartesianGrid horizontal={false} stroke="#b1b4b6" strokeDasharray="2 4" />
            <XAxis
              type="number"
              allowDecimals={false}
              tickFormatter={valueFormatter}
              tick={{ fill: '#0b0c0c' }}
              stroke="#505a5f"
            />
            <YAxis
              type="category"
              dataKey={index as string}
              width={120}
              tick={{ fill: '#0b0c0c' }}
              stroke="#505a5f"
              interval={0}
            />
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
                isAnimationActive={false}
              >
                <LabelList
                  dataKey={category}
                  position="right"
                  formatter={(value: unknown) => valueFormatter(asNumber(value))}
                  fill="#0b0c0c"
                />
              </Bar>
            ))}
          </RechartsBarChart>
        </ResponsiveContainer>
      </div>
      <details className="details">
        <summary className="details__summary">Show the data as a table</summary>
        <ChartTable
          data={data}
          index={index}
          categories={categories}
          valueFormatter={valueFormatter}
          caption={title}
        />
      </details>
    </figure>
  );
};

type ChartTableProps<T extends ChartRow> = Pick<BarChartProps<T>, 'data' | 'index' | 'categories'> & {
  valueFormatter: (value: number) => string;
  caption: string;
};

const ChartTable = <T extends ChartRow>({
  data,
  index,
  categories,
  valueFormatter,
  caption,
}: ChartTableProps<T>) => (
  <table className="table table--compact">
    <caption className="visually-hidden">{caption}</caption>
    <thead>
      <tr>
        <th scope="col">{index}</th>
        {categories.map((category) => (
          <th key={category} scope="col" className="table__numeric">
            {category}
          </th>
        ))}
      </tr>
    </thead>
    <tbody>
      {data.map((row) => (
        <tr key={String(row[index])}>
          <th scope="row">{String(row[index])}</th>
          {categories.map((category) => (
            <td key={category} className="table__numeric">
              {valueFormatter(asNumber(row[category]))}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  </table>
);
