import { Button } from '../ui/button';
import type { ChartRow } from './chart-row';

export type ChartTableProps<T extends ChartRow> = {
  data: T[];
  index: keyof T & string;
  categories: (keyof T & string)[];
  valueFormatter: (value: number) => string;
  caption: string;
  /** Extra columns after the values (a spike marker), each a heading and a cell. */
  extra?: { heading: string; cell: (row: T) => string }[];
  /** Drill-down from a row: the keyboard and screen-reader way to the posts behind a bar or point. */
  onSelect?: (row: T) => void;
};

const asNumber = (value: unknown): number | null =>
  typeof value === 'number' ? value : value === null || value === '' ? null : Number(value);

/** A chart's numbers as a table; a missing value reads "No data", never 0. */
export const ChartTable = <T extends ChartRow>({
  data,
  index,
  categories,
  valueFormatter,
  caption,
  extra = [],
  onSelect,
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
        {extra.map((column) => (
          <th key={column.heading} scope="col">
            {column.heading}
          </th>
        ))}
        {onSelect && (
          <th scope="col">
            <span className="visually-hidden">Posts</span>
          </th>
        )}
      </tr>
    </thead>
    <tbody>
      {data.map((row) => (
        <tr key={String(row[index])}>
          <th scope="row">{String(row[index])}</th>
          {categories.map((category) => {
            const value = asNumber(row[category]);
            return (
              <td key={category} className="table__numeric">
                {value === null || Number.isNaN(value) ? 'No data' : valueFormatter(value)}
              </td>
            );
          })}
          {extra.map((column) => (
            <td key={column.heading}>{column.cell(row)}</td>
          ))}
          {onSelect && (
            <td>
              <Button variant="link" onClick={() => onSelect(row)}>
                See the posts<span className="visually-hidden">: {String(row[index])}</span>
              </Button>
            </td>
          )}
        </tr>
      ))}
    </tbody>
  </table>
);
