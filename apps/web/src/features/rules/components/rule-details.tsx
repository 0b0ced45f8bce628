import type { Rule } from '@parley/contracts';
import { LAWFUL_BASIS_LABELS } from '@parley/domain';
import { DateTime } from '../../../components/ui/date-time';
import { NamedPeopleNote } from './named-people-note';
import { RuleStatus } from './rule-status';

/** A rule for someone who may read it but not change it. */
export const RuleDetails = ({ rule, now }: { rule: Rule; now: Date }) => (
  <>
    <NamedPeopleNote rule={rule} />
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
        <dt>Lawful basis</dt>
        <dd>
          {rule.lawfulBasis ? (
            LAWFUL_BASIS_LABELS[rule.lawfulBasis].name
          ) : (
            <span className="secondary-text">Not chosen</span>
          )}
        </dd>
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
  </>
);
