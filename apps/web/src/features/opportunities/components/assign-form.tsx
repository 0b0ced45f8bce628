import { useState } from 'react';
import type { Opportunity } from '@parley/contracts';
import { nextStatus } from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { useAssignOpportunity } from '../api/assign-opportunity';
import { useUnassignOpportunity } from '../api/unassign-opportunity';
import { useChangeFailure } from '../hooks/use-change-failure';
import { ChangeForm } from './change-form';
import { SelectField } from '../../../components/ui/select-field';

type AssignFormProps = { opportunity: Opportunity; meId: string; onDone: (message: string) => void };

/** Take it yourself, hand it to a colleague, or give it back to the inbox, as its status allows. */
export const AssignForm = ({ opportunity, meId, onDone }: AssignFormProps) => {
  // Unique on the page: a conversation tagged for two of the person's departments shows two panels.
  const p = `${opportunity.id}-`;
  const [assigneeId, setAssigneeId] = useState('');
  const { failure, clear, fromError, missing } = useChangeFailure({ assigneeId: `${p}assignee` });
  const done = (message: string) => () => {
    clear();
    setAssigneeId('');
    onDone(message);
  };
  const assign = useAssignOpportunity(opportunity.id);
  const unassign = useUnassignOpportunity(opportunity.id);
  if (!nextStatus(opportunity.status, 'assign')) return null;
  const expectedVersion = opportunity.version;
  const others = opportunity.assignable.filter((p) => p.id !== opportunity.assignee?.id);

  const submit = () => {
    if (!assigneeId) return missing(`${p}assignee`, 'Choose who to assign it to');
    const name = others.find((p) => p.id === assigneeId)?.name ?? 'them';
    assign.mutate(
      { expectedVersion, assigneeId },
      { onSuccess: done(`Assigned to ${name}`), onError: fromError },
    );
  };
  return (
    <ChangeForm
      id={`${p}assign`}
      title="Who is working on it"
      submitLabel="Assign"
      pending={assign.isPending || unassign.isPending}
      failure={failure}
      onSubmit={submit}
    >
      {opportunity.assignee?.id !== meId && (
        <p>
          <Button
            variant="secondary"
            disabled={assign.isPending}
            onClick={() =>
              assign.mutate(
                { expectedVersion, assigneeId: 'me' },
                { onSuccess: done('You have taken it on'), onError: fromError },
              )
            }
          >
            Take it myself
          </Button>
        </p>
      )}
      {nextStatus(opportunity.status, 'unassign') && opportunity.assignee && (
        <p>
          <Button
            variant="secondary"
            disabled={unassign.isPending}
            onClick={() =>
              unassign.mutate(
                { expectedVersion },
                { onSuccess: done('Given back to the inbox'), onError: fromError },
              )
            }
          >
            Give it back to the inbox
          </Button>
        </p>
      )}
      <SelectField
        id={`${p}assignee`}
        label="Assign to a colleague"
        value={assigneeId}
        onChange={setAssigneeId}
        error={failure.fields[`${p}assignee`]}
      >
        <option value="">Choose someone</option>
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
    </ChangeForm>
  );
};
