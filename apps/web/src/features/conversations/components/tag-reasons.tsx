import { useTranslation } from 'react-i18next';
import type { ConversationTag } from '@parley/contracts';
import { signalLabel } from '../utils/labels';
import { RuleEvidence } from './rule-evidence';

type TagReasonsProps = { tag: Pick<ConversationTag, 'rules' | 'signals'>; headingLevel?: 3 | 4 };

/**
 * Why Parley tagged the conversation: the evidence for each signal. The rules are listed on their own only when
 * no rule signal names them with the words they matched.
 */
export const TagReasons = ({ tag, headingLevel = 3 }: TagReasonsProps) => {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const rulesNamed = tag.signals.some((signal) => signal.kind === 'rule');
  return (
    <div className="reasons">
      <Heading className="reasons__title">{t('card.whyTagged')}</Heading>
      {tag.rules.length > 0 && !rulesNamed && (
        <p className="reasons__rules">
          <span className="reasons__label">{tag.rules.length === 1 ? 'Rule: ' : 'Rules: '}</span>
          {tag.rules.map((rule, position) => (
            <span key={rule}>
              {position > 0 && ', '}
              <code className="code">{rule}</code>
            </span>
          ))}
        </p>
      )}
      {tag.signals.length > 0 ? (
        <ul className="reasons__signals">
          {tag.signals.map((signal, position) => (
            <li
              key={`${signal.kind}-${position}`}
              className={signal.kind === 'noise' ? 'reasons__signal--noise' : undefined}
            >
              <span className="reasons__label">{signalLabel(signal.kind)}:</span>{' '}
              {signal.kind === 'rule' ? <RuleEvidence detail={signal.detail} /> : signal.detail}
            </li>
          ))}
        </ul>
      ) : (
        <p className="secondary-text">{t('card.noSignals')}</p>
      )}
    </div>
  );
};
