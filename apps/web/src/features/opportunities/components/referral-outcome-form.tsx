import { useState } from 'react';
import type { Opportunity } from '@parley/contracts';
import { TextareaField } from '../../../components/ui/textarea-field';
import { useRecordReferralOutcome } from '../api/record-referral-outcome';
import { useChangeFailure } from '../hooks/use-change-failure';
import { ChangeForm } from './change-form';

type ReferralOutcomeFormProps = { opportunity: Opportunity; onDone: (message: string) => void };

/** While it is referred: what came back from the press office or the other department. */
export const ReferralOutcomeForm = ({ opportunity, onDone }: ReferralOutcomeFormProps) => {
  const [outcome, setOutcome] = useState('');
  const { failure, clear, fromError, missing } = useChangeFailure({ outcome: 'referral-outcome' });
  const record = useRecordReferralOutcome(opportunity.id);
  if (opportunity.status !== 'referred') return null;

  const submit = () => {
    if (!outcome.trim()) return missing('referral-outcome', 'Say what came back from the referral');
    record.mutate(
      { expectedVersion: opportunity.version, outcome: outcome.trim() },
      {
        onSuccess: () => {
          clear();
          setOutcome('');
          onDone('Referral outcome recorded');
        },
        onError: fromError,
      },
    );
  };
  return (
    <ChangeForm
      id="outcome"
      title="What came back from the referral"
      submitLabel="Record the outcome"
      pending={record.isPending}
      failure={failure}
      onSubmit={submit}
    >
      <TextareaField
        id="referral-outcome"
        label="Outcome"
        rows={3}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        error={failure.fields['referral-outcome']}
      />
    </ChangeForm>
  );
};
