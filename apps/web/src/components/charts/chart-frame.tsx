import { useId, useState, type ReactNode } from 'react';
import { Button } from '../ui/button';

type ChartFrameProps = {
  title: string;
  /** One line computed from the data (see summaries.ts), for everyone, not only screen-reader users. */
  summary: string;
  /** What a click or Enter on a bar or point does, said once under the summary; omitted when nothing happens. */
  drillHint?: string;
  /** The same numbers as an accessible table. */
  table: ReactNode;
  children: ReactNode;
};

/**
 * The frame every chart shares: title, summary, and a "Show as table" toggle that swaps the picture for the
 * table (not both at once, so the page does not double in length and a screen reader hears the numbers once).
 */
export const ChartFrame = ({ title, summary, drillHint, table, children }: ChartFrameProps) => {
  const titleId = useId();
  const bodyId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <div className="chart__head">
        <figcaption id={titleId} className="chart__title">
          {title}
        </figcaption>
        <Button
          variant="link"
          className="chart__toggle"
          aria-controls={bodyId}
          aria-expanded={asTable}
          onClick={() => setAsTable((now) => !now)}
        >
          {asTable ? 'Show as chart' : 'Show as table'}
          <span className="visually-hidden">: {title}</span>
        </Button>
      </div>
      <p className="chart__summary">{summary}</p>
      <div id={bodyId}>
        {asTable ? (
          <div className="table-scroll">{table}</div>
        ) : (
          <>
            {drillHint && <p className="chart__hint">{drillHint}</p>}
            {children}
          </>
        )}
      </div>
    </figure>
  );
};
