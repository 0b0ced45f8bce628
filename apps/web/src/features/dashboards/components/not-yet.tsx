type NotYetProps = { title: string; children?: string };

/** Where a chart would be, for a figure Parley does not work out (yet): said in words, never drawn as zeros. */
export const NotYet = ({
  title,
  children = 'No data yet: Parley does not work this out for this department yet.',
}: NotYetProps) => (
  <div className="chart chart--empty">
    <h3 className="chart__title">{title}</h3>
    <p className="chart__summary">{children}</p>
  </div>
);
