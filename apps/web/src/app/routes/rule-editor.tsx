import { useLocation, useNavigate, useParams } from 'react-router';
import type { Rule, RuleSaved } from '@parley/contracts';
import { BackLink } from '../../components/ui/back-link';
import { ErrorPanel } from '../../components/ui/error-panel';
import { Loading } from '../../components/ui/loading';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import { useRules } from '../../features/rules/api/get-rules';
import { ReadOnlyNote } from '../../features/rules/components/read-only-note';
import { RuleDetails } from '../../features/rules/components/rule-details';
import { RuleForm } from '../../features/rules/components/rule-form';
import { RuleHistory } from '../../features/rules/components/rule-history';
import { SavedBanner } from '../../features/rules/components/saved-banner';
import { canEditRules } from '../../features/rules/utils/permissions';
import { rulePath, rulesPath } from '../../features/rules/utils/rules-params';
import { readSavedState, savedState } from '../../features/rules/utils/saved-state';

/** `/rules/:department/new` (no key) and `/rules/:department/:key`. */
export const RuleEditorRoute = () => {
  const { department = '', key = null } = useParams();
  const me = useSignedInUser();
  const known = me.departments.some((d) => d.key === department);
  const rules = useRules(known ? department : null);
  const back = rulesPath(department);

  if (!known) {
    return (
      <NotFound
        title="Department not found"
        back="/rules"
        text="You are not in a department with that key."
      />
    );
  }
  if (rules.isPending) {
    return (
      <>
        <BackLink to={back}>Back to rules</BackLink>
        <Loading label="Loading the rule" />
      </>
    );
  }
  if (rules.isError) {
    return (
      <>
        <title>Sorry, there is a problem – Parley</title>
        <BackLink to={back}>Back to rules</BackLink>
        <ErrorPanel
          title="The rule could not be loaded"
          error={rules.error}
          onRetry={() => void rules.refetch()}
        />
      </>
    );
  }
  const rule = key === null ? null : (rules.data.find((r) => r.key === key) ?? null);
  if (key !== null && !rule) {
    return <NotFound title="Rule not found" back={back} text="It may have been renamed, or never existed." />;
  }
  return (
    <RuleEditor
      department={department}
      departmentName={departmentNamer(me.departments)(department)}
      rule={rule}
      existingKeys={rules.data.map((r) => r.key)}
      canEdit={canEditRules(me.departments, department)}
    />
  );
};

type RuleEditorProps = {
  department: string;
  departmentName: string;
  rule: Rule | null;
  existingKeys: string[];
  canEdit: boolean;
};

const RuleEditor = ({ department, departmentName, rule, existingKeys, canEdit }: RuleEditorProps) => {
  const navigate = useNavigate();
  const saved = readSavedState(useLocation().state);
  // After a save the rule's own page shows the outcome (a new rule's page exists only now).
  const onSaved = ({ rule: next, backfill }: RuleSaved) =>
    navigate(rulePath(department, next.key), { replace: true, state: savedState(next.version, backfill) });

  return (
    <>
      <BackLink to={rulesPath(department)}>Back to rules</BackLink>
      {saved && rule && (
        <SavedBanner
          department={department}
          ruleName={rule.name}
          version={saved.version}
          backfill={saved.backfill}
        />
      )}
      {canEdit ? (
        <RuleForm
          // A save brings a new version: start the form again from it (with an empty reason).
          key={`${rule?.key ?? 'new'}@${rule?.version ?? 0}`}
          department={department}
          departmentName={departmentName}
          rule={rule}
          existingKeys={existingKeys}
          onSaved={onSaved}
        />
      ) : (
        <ReadOnlyRule departmentName={departmentName} rule={rule} />
      )}
      {rule && <RuleHistory department={department} ruleKey={rule.key} />}
    </>
  );
};

const ReadOnlyRule = ({ departmentName, rule }: { departmentName: string; rule: Rule | null }) => (
  <>
    <title>{`${rule ? rule.name : 'New listening rule'} – Parley`}</title>
    <span className="caption">{departmentName}</span>
    <h1 className="heading-l">{rule ? rule.name : 'New listening rule'}</h1>
    <ReadOnlyNote departmentName={departmentName} />
    {rule && <RuleDetails rule={rule} now={new Date()} />}
  </>
);

const NotFound = ({ title, back, text }: { title: string; back: string; text: string }) => (
  <>
    <title>{`${title} – Parley`}</title>
    <BackLink to={back}>Back to rules</BackLink>
    <h1 className="heading-l">{title}</h1>
    <p>{text}</p>
  </>
);
