import { parseRuleDetail } from '../utils/highlight';

/** The rule signal's evidence, `key (term, term); …`, as the rules and the (stemmed) words each matched. */
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
              {index > 0 && ', '}
              <mark className="highlight">{term}</mark>
            </span>
          ))}
        </span>
      ))}
    </>
  );
};
