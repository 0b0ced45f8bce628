import { Link } from 'react-router';
import type { Rule } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { formatCount } from '../../../lib/format';
import { rulePath } from '../utils/rules-params';
import { NamedPeopleTag } from './named-people-note';
import { RuleStatus } from './rule-status';

type RulesTableProps = { rules: Rule[]; departmentName: string; canEdit: boolean; now: Date };

/** Queries can be long: the table scrolls inside a focusable region so keyboard users can scroll it too. */
export const RulesTable = ({ rules, departmentName, canEdit, now }: RulesTableProps) => (
  <div className="table-scroll" role="region" aria-labelledby="rules-caption" tabIndex={0}>
    <table className="table rules-table">
      <caption id="rules-caption" className="table__caption">
        {rules.length === 1 ? '1 listening rule' : `${formatCount(rules.length)} listening rules`} for{' '}
        {departmentName}
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Key</th>
          <th scope="col">Query</th>
          <th scope="col">Status</th>
          <th scope="col" className="table__numeric">
            Version
          </th>
          <th scope="col">Last changed</th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => (
          <RuleRow key={rule.key} rule={rule} canEdit={canEdit} now={now} />
        ))}
      </tbody>
    </table>
  </div>
);

type RuleRowProps = { rule: Rule; canEdit: boolean; now: Date };

const RuleRow = ({ rule, canEdit, now }: RuleRowProps) => (
  <tr>
    <th scope="row" className="rules-table__rule">
      <span className="rules-table__name">{rule.name}</span>
      {rule.purpose && <span className="rules-table__purpose">{rule.purpose}</span>}
      <NamedPeopleTag rule={rule} />
    </th>
    <td>
      <code className="code rules-table__key">{rule.key}</code>
    </td>
    <td className="rules-table__query">
      <code className="code code--block">{rule.query}</code>
    </td>
    <td>
      <RuleStatus enabled={rule.enabled} />
    </td>
    <td className="table__numeric">{rule.version}</td>
    <td>
      <DateTime value={rule.updatedAt} now={now} variant="compact" />
    </td>
    <td>
      <Link to={rulePath(rule.department, rule.key)} className="link">
        {canEdit ? 'Edit' : 'View'}
        <span className="visually-hidden"> {rule.name}</span>
      </Link>
    </td>
  </tr>
);
