import { useState } from 'react';
import type { Opportunity } from '@parley/contracts';
import { DECLINE_REASON_LABELS, DECLINE_REASONS, nextStatus, type DeclineReason } from '@parley/domain';
import { TextareaField } from '../../../components/ui/textarea-field';
import { useDeclineOpportunity } from '../api/decline-opportunity';
import { useChangeFailure } from '../hooks/use-change-failure';
import { ChangeForm } from './change-form';
import { SelectField } from '../../../components/ui/select-field';

type DeclineFormProps = { opportunity: Opportunity; onDone: (message: string) => void };

/** Decline with a reason; "other" needs a note saying why. */
export const DeclineForm = ({ opportunity, onDone }: DeclineFormProps) => {
  // Unique on the page: a conversation tagged for two of the person's departments shows two panels.
  const p = `${opportunity.id}-`;
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const [note, setNote] = useState('');
  const { failure, clear, fromError, missing } = useChangeFailure({
    reason: `${p}decline-reason`,
    note: `${p}decline-note`,
  });
  const decline = useDeclineOpportunity(opportunity.id);
  if (!nextStatus(opportunity.status, 'decline')) return null;

  const submit = () => {
    if (!reason) return missing(`${p}decline-reason`, 'Choose why you are declining it');
    if (reason === 'other' && !note.trim()) return missing(`${p}decline-note`, 'Say why in the note');
    decline.mutate(
      { expectedVersion: opportunity.version, reason, note: note.trim() || undefined },
      {
        onSuccess: () => {
          clear();
          setReason('');
          setNote('');
          onDone(`Declined: ${DECLINE_REASON_LABELS[reason]}`);
        },
        onError: fromError,
      },
    );
  };
  return (
    <ChangeForm
      id={`${p}decline`}
      title="Decline it"
      submitLabel="Decline"
      pending={decline.isPending}
      failure={failure}
      onSubmit={submit}
      collapsed
    >
      <SelectField
        id={`${p}decline-reason`}
        label="Why are you declining it?"
        value={reason}
        onChange={(value) => setReason(value as DeclineReason | '')}
        error={failure.fields[`${p}decline-reason`]}
      >
        <option value="">Choose a reason</option>
        {DECLINE_REASONS.map((r) => (
          <option key={r} value={r}>
            {DECLINE_REASON_LABELS[r]}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id={`${p}decline-note`}
        label="Note (optional, unless the reason is other)"
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={failure.fields[`${p}decline-note`]}
      />
    </ChangeForm>
  );
};
