import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { ButtonLink } from '../../components/ui/button-link';
import { DepartmentChooser } from '../../components/ui/department-chooser';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorPanel } from '../../components/ui/error-panel';
import { Loading } from '../../components/ui/loading';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import { useRules } from '../../features/rules/api/get-rules';
import { ReadOnlyNote } from '../../features/rules/components/read-only-note';
import { RulesTable } from '../../features/rules/components/rules-table';
import { canEditRules } from '../../features/rules/utils/permissions';
import { newRulePath, parseRulesDepartment, rulesSearch } from '../../features/rules/utils/rules-params';

export const RulesRoute = () => {
  const me = useSignedInUser();
  const [search, setSearch] = useSearchParams();
  const department = parseRulesDepartment(
    search,
    me.departments.map((d) => d.key),
  );

  // A bare /rules shows the first department: write it into the URL so a copied link reproduces the view.
  useEffect(() => {
    if (department && search.get('department') !== department)
      setSearch(rulesSearch(department, search), { replace: true });
  }, [department, search, setSearch]);

  const departmentName = departmentNamer(me.departments);
  return (
    <>
      <title>
        {department ? `Listening rules: ${departmentName(department)} – Parley` : 'Listening rules – Parley'}
      </title>
      <h1 className="heading-l">Listening rules</h1>
      {department === null ? (
        <EmptyState title="You are not in a department yet">
          <p>Listening rules belong to departments. Ask a Parley administrator to add you to one.</p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            The searches that decide which conversations reach {departmentName(department)}’s inbox.
          </p>
          {me.departments.length > 1 && (
            <DepartmentChooser
              key={department}
              departments={me.departments}
              value={department}
              onApply={(next) => setSearch(rulesSearch(next, search))}
              submitLabel="Show rules"
            />
          )}
          <RulesResults
            department={department}
            departmentName={departmentName(department)}
            canEdit={canEditRules(me.departments, department)}
          />
        </>
      )}
    </>
  );
};

type RulesResultsProps = { department: string; departmentName: string; canEdit: boolean };

const RulesResults = ({ department, departmentName, canEdit }: RulesResultsProps) => {
  const rules = useRules(department);
  return (
    <>
      {canEdit ? (
        <ButtonLink to={newRulePath(department)}>New rule</ButtonLink>
      ) : (
        <ReadOnlyNote departmentName={departmentName} />
      )}
      {rules.isPending ? (
        <Loading label="Loading listening rules" />
      ) : rules.isError ? (
        <ErrorPanel
          title="Listening rules could not be loaded"
          error={rules.error}
          onRetry={() => void rules.refetch()}
        />
      ) : rules.data.length === 0 ? (
        <EmptyState title="No listening rules yet">
          <p>
            Without rules, nothing reaches {departmentName}’s inbox.
            {canEdit ? ' Add a rule to start listening.' : ' A manager of the department can add one.'}
          </p>
        </EmptyState>
      ) : (
        <RulesTable rules={rules.data} departmentName={departmentName} canEdit={canEdit} now={new Date()} />
      )}
    </>
  );
};
