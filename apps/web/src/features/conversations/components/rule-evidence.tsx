import { parseRuleDetail } from '../utils/highlight';
import { listSeparator } from '../utils/tags';

/**
 * The rule signal's evidence, `key (word, word); …`, as each rule and the words it matched ("student-loans
 * matched student and loan"), marked as they are in the text. Tagging writes the words as the posts wrote them.
 */
export const RuleEvidence = ({ detail }: { detail: string }) => {
  const hits = parseRuleDetail(detail);
  if (hits.length === 0) return <>{detail}</>;
  return (
    <>
      {hits.map((hit, position) => (
        <span key={`${hit.rule}-${position}`}>
          {position > 0 && '; '}
          <code className="code">{hit.rule}</code>
          {hit.terms.length > 0 && ' matched '}
          {hit.terms.map((term, index) => (
            <span key={term}>
              {listSeparator(index, hit.terms.length)}
              <mark className="highlight">{term}</mark>
            </span>
          ))}
        </span>
      ))}
    </>
  );
};
