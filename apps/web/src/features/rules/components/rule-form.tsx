import { Link } from 'react-router';
import type { Rule, RuleSaved } from '@parley/contracts';
import { LAWFUL_BASES, LAWFUL_BASIS_LABELS, type LawfulBasis } from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { useRuleForm } from '../hooks/use-rule-form';
import { asksForJustification, RULE_FIELDS, type RuleFailure } from '../utils/rule-form';
import { rulesPath } from '../utils/rules-params';
import { NamedPeopleNote } from './named-people-note';
import { QueryField } from './query-field';

type RuleFormProps = {
  department: string;
  departmentName: string;
  rule: Rule | null;
  existingKeys: readonly string[];
  onSaved: (saved: RuleSaved) => void;
};

const summaryItems = ({ fields, other }: RuleFailure, isNew: boolean): ErrorSummaryItem[] => [
  ...RULE_FIELDS.flatMap((field) => {
    const text = fields[field];
    if (!text) return [];
    // An existing rule's key is not a field on the page: its problem is listed without a link.
    return [field === 'key' && !isNew ? { text } : { text, href: `#${field}` }];
  }),
  ...other.map((text) => ({ text })),
];

export const RuleForm = ({ department, departmentName, rule, existingKeys, onSaved }: RuleFormProps) => {
  const form = useRuleForm({ department, rule, existingKeys, onSaved });
  const { values, set, failure } = form;
  const items = summaryItems(failure, form.isNew);
  const heading = form.isNew ? 'New listening rule' : `Edit rule: ${rule?.name}`;
  return (
    <>
      <title>{`${items.length > 0 ? 'Error: ' : ''}${heading} – Parley`}</title>
      <ErrorSummary items={items} />
      <span className="caption">{departmentName}</span>
      <h1 className="heading-l">{heading}</h1>
      {rule && (
        <p className="secondary-text">
          Key <code className="code">{rule.key}</code> · version {rule.version}
        </p>
      )}
      <form className="form rule-form" onSubmit={form.submit} noValidate>
        <TextField
          id="name"
          label="Name"
          hint="A short name colleagues will recognise, like Rail fares."
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={failure.fields.name}
          autoComplete="off"
        />
        {form.isNew && (
          <TextField
            id="key"
            label="Key"
            hint="Identifies the rule in links and in the reasons Parley gives. Lower-case letters, digits and hyphens, like rail-fares. It cannot be changed later."
            className="input--code input--width-20"
            value={values.key}
            onChange={(e) => set('key', e.target.value)}
            error={failure.fields.key}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
          />
        )}
        <QueryField
          department={department}
          value={values.query}
          onChange={(query) => set('query', query)}
          error={failure.fields.query}
        />
        {rule && <NamedPeopleNote rule={rule} />}
        <TextareaField
          id="purpose"
          label="Purpose"
          hint="What the rule listens for and why, for whoever looks after it next. Your workspace may require a purpose and a lawful basis before a rule can be switched on."
          rows={2}
          value={values.purpose}
          onChange={(e) => set('purpose', e.target.value)}
          error={failure.fields.purpose}
        />
        <SelectField
          id="lawfulBasis"
          label="Lawful basis"
          value={values.lawfulBasis}
          onChange={(value) => set('lawfulBasis', value as LawfulBasis | '')}
          error={failure.fields.lawfulBasis}
        >
          <option value="">Not chosen yet</option>
          {LAWFUL_BASES.map((basis) => (
            <option key={basis} value={basis}>
              {LAWFUL_BASIS_LABELS[basis].name}
            </option>
          ))}
        </SelectField>
        <p className="hint rule-form__basis-hint">
          {values.lawfulBasis
            ? LAWFUL_BASIS_LABELS[values.lawfulBasis].hint
            : 'The reason in data protection law (UK GDPR Article 6) that makes this listening lawful. For most public bodies it is public task.'}
        </p>
        {asksForJustification(values, rule) && (
          <TextareaField
            id="justification"
            label="Justification for following a person"
            hint="This query looks for posts by a named account. Parley listens by topic: if the account is a member of the public rather than an organisation, say why following this one person is necessary and proportionate. Your department’s admins are told."
            rows={3}
            value={values.justification}
            onChange={(e) => set('justification', e.target.value)}
            error={failure.fields.justification}
          />
        )}
        <Checkbox
          id="enabled"
          label="This rule is on"
          hint="A rule that is off tags nothing new; its history is kept."
          checked={values.enabled}
          onChange={(e) => set('enabled', e.target.checked)}
        />
        <TextareaField
          id="reason"
          label="Reason for the change"
          hint="Kept in the version history, for example: Add railcard questions after the fares announcement."
          rows={2}
          value={values.reason}
          onChange={(e) => set('reason', e.target.value)}
          error={failure.fields.reason}
        />
        <div className="button-group">
          <Button type="submit" disabled={form.saving}>
            {form.saving ? 'Saving…' : form.isNew ? 'Add rule' : 'Save rule'}
          </Button>
          <Link to={rulesPath(department)} className="link">
            Cancel
          </Link>
        </div>
        <p className="visually-hidden" role="status" aria-live="polite">
          {form.saving ? 'Saving the rule' : ''}
        </p>
      </form>
    </>
  );
};
