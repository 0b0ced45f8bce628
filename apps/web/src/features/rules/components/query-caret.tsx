import { Button } from '../../../components/ui/button';
import { caretSnippet } from '../utils/query-position';

type QueryCaretProps = { id: string; query: string; position: number; onShow: () => void };

/**
 * Where the problem is, drawn as a caret under the line of the query. The picture is for sighted readers; the
 * error message already names the position, and the button puts the text cursor there for everyone.
 */
export const QueryCaret = ({ id, query, position, onShow }: QueryCaretProps) => {
  const { line, column, lineNumber, before, after } = caretSnippet(query, position);
  const shown = `${before ? '…' : ''}${line}${after ? '…' : ''}`;
  const at = column + (before ? 1 : 0);
  const chars = Array.from(shown);
  return (
    <div id={id} className="query-caret">
      <p className="query-caret__label">
        Where the problem is{lineNumber > 1 ? ` (line ${lineNumber})` : ''}:
      </p>
      <pre className="query-caret__code" aria-hidden="true">
        {chars.slice(0, at).join('')}
        <span className="query-caret__at">{chars[at] ?? ' '}</span>
        {chars.slice(at + 1).join('')}
        {'\n'}
        {' '.repeat(at)}^
      </pre>
      <Button variant="link" className="query-caret__show" onClick={onShow}>
        Put the cursor at the problem
      </Button>
    </div>
  );
};
