import { parseRuleDetail } from '../utils/highlight';

/**
 * The rule signal's evidence, `key (term, term); …`, as each rule and the words it matched, marked as they are in
 * the text. The words are stems ("franchis"), as the matcher compares them.
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
          {hit.terms.length > 0 && ': '}
          {hit.terms.map((term, index) => (
            <span key={term}>
              {index > 0 && ', '}
              <mark className="highlight">{term}</mark>
            </span>
          ))}
        </span>
      ))}
    </>
  );
};
