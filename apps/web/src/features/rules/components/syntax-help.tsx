import { QUERY_SYNTAX } from '@parley/contracts';

/** The query language at a glance, folded away until wanted. */
export const SyntaxHelp = () => {
  return (
    <details className="details syntax-help">
      <summary className="details__summary">Help with writing a query</summary>
      <div className="table-scroll" role="region" aria-labelledby="syntax-caption" tabIndex={0}>
        <table className="table table--compact">
          <caption id="syntax-caption" className="table__caption">
            The query language
          </caption>
          <thead>
            <tr>
              <th scope="col">Write</th>
              <th scope="col">To find</th>
              <th scope="col">Example</th>
            </tr>
          </thead>
          <tbody>
            {QUERY_SYNTAX.map((row) => (
              <tr key={row.form}>
                <th scope="row">
                  <code className="code syntax-help__form">{row.form}</code>
                </th>
                <td>{row.meaning}</td>
                <td>
                  <code className="code syntax-help__example">{row.example}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
};
