import type { ImpactReport, ReportTable } from '@parley/contracts';

const Table = ({ table }: { table: ReportTable }) =>
  table.rows.length === 0 ? (
    <p className="body">
      <strong>{table.title}:</strong> {table.empty}
    </p>
  ) : (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={table.title}>
      <table className="table table--compact">
        <caption className="table__caption">{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

/** The report as the api composed it: headings, sentences and tables, already in plain words. */
export const ReportView = ({ report }: { report: ImpactReport }) => (
  <article className="impact-report" aria-labelledby="report-title">
    <h2 id="report-title" className="heading-m">
      {report.title}
    </h2>
    <p className="lead">
      {report.departmentName}, {report.period}
    </p>
    {report.sections.map((section) => (
      <section key={section.heading} className="impact-report__section">
        <h3 className="heading-s">{section.heading}</h3>
        {section.paragraphs.map((p, i) => (
          <p key={i} className="body">
            {p}
          </p>
        ))}
        {section.tables.map((t) => (
          <Table key={t.key} table={t} />
        ))}
      </section>
    ))}
    <p className="hint impact-report__footer">
      Filters: department {report.filters.department}, from {report.filters.from}, to {report.filters.to} (not
      included), level {report.filters.level}. Metrics definitions {report.definitionsVersion}. Generated{' '}
      {report.generatedAt}.
    </p>
  </article>
);
