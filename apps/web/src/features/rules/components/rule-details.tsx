import type { Rule } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { RuleStatus } from './rule-status';

/** A rule for someone who may read it but not change it. */
export const RuleDetails = ({ rule, now }: { rule: Rule; now: Date }) => (
  <dl className="summary-list">
    <div className="summary-list__row">
      <dt>Key</dt>
      <dd>
        <code className="code">{rule.key}</code>
      </dd>
    </div>
    <div className="summary-list__row">
      <dt>Query</dt>
      <dd>
        <code className="code code--block">{rule.query}</code>
      </dd>
    </div>
    <div className="summary-list__row">
      <dt>Purpose</dt>
      <dd>{rule.purpose ?? <span className="secondary-text">Not given</span>}</dd>
    </div>
    <div className="summary-list__row">
      <dt>Status</dt>
      <dd>
        <RuleStatus enabled={rule.enabled} />
      </dd>
    </div>
    <div className="summary-list__row">
      <dt>Version</dt>
      <dd>
        {rule.version}, changed <DateTime value={rule.updatedAt} now={now} />
      </dd>
    </div>
  </dl>
);
