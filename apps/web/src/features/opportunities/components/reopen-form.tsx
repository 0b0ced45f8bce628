import { useState } from 'react';
import type { Opportunity } from '@parley/contracts';
import { nextStatus } from '@parley/domain';
import { TextareaField } from '../../../components/ui/textarea-field';
import { useReopenOpportunity } from '../api/reopen-opportunity';
import { useChangeFailure } from '../hooks/use-change-failure';
import { ChangeForm } from './change-form';

type ReopenFormProps = { opportunity: Opportunity; onDone: (message: string) => void };

/** A declined or referred conversation back in the inbox, new and nobody's. */
export const ReopenForm = ({ opportunity, onDone }: ReopenFormProps) => {
  const [note, setNote] = useState('');
  const { failure, clear, fromError } = useChangeFailure({ note: 'reopen-note' });
  const reopen = useReopenOpportunity(opportunity.id);
  if (!nextStatus(opportunity.status, 'reopen')) return null;

  const submit = () =>
    reopen.mutate(
      { expectedVersion: opportunity.version, note: note.trim() || undefined },
      {
        onSuccess: () => {
          clear();
          setNote('');
          onDone('Reopened: it is back in the inbox');
        },
        onError: fromError,
      },
    );
  return (
    <ChangeForm
      id="reopen"
      title="Reopen it"
      submitLabel="Reopen"
      pending={reopen.isPending}
      failure={failure}
      onSubmit={submit}
    >
      <TextareaField
        id="reopen-note"
        label="Why (optional)"
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={failure.fields['reopen-note']}
      />
    </ChangeForm>
  );
};
