import { useState } from 'react';
import type { Opportunity } from '@parley/contracts';
import { nextStatus } from '@parley/domain';
import { TextareaField } from '../../../components/ui/textarea-field';
import { useReferOpportunity } from '../api/refer-opportunity';
import { useChangeFailure } from '../hooks/use-change-failure';
import { ChangeForm } from './change-form';
import { SelectField } from '../../../components/ui/select-field';

type ReferFormProps = { opportunity: Opportunity; onDone: (message: string) => void };

const PRESS_OFFICE = 'press-office';

/**
 * Refer to the press office (announcements are theirs to make) or to the department whose remit it is: it then
 * appears in their inbox with this note.
 */
export const ReferForm = ({ opportunity, onDone }: ReferFormProps) => {
  // Unique on the page: a conversation tagged for two of the person's departments shows two panels.
  const p = `${opportunity.id}-`;
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const { failure, clear, fromError, missing } = useChangeFailure({
    department: `${p}refer-to`,
    to: `${p}refer-to`,
    note: `${p}refer-note`,
  });
  const refer = useReferOpportunity(opportunity.id);
  if (!nextStatus(opportunity.status, 'refer')) return null;

  const submit = () => {
    if (!target) return missing(`${p}refer-to`, 'Choose who to refer it to');
    if (!note.trim())
      return missing(`${p}refer-note`, 'Say why you are referring it, for whoever picks it up');
    const toPress = target === PRESS_OFFICE;
    const name = toPress
      ? 'the press office'
      : (opportunity.referralTargets.find((d) => d.key === target)?.name ?? target);
    refer.mutate(
      {
        expectedVersion: opportunity.version,
        note: note.trim(),
        ...(toPress ? { to: 'press-office' as const } : { to: 'department' as const, department: target }),
      },
      {
        onSuccess: () => {
          clear();
          setTarget('');
          setNote('');
          onDone(`Referred to ${name}`);
        },
        onError: fromError,
      },
    );
  };
  return (
    <ChangeForm
      id={`${p}refer`}
      title="Refer it"
      submitLabel="Refer"
      pending={refer.isPending}
      failure={failure}
      onSubmit={submit}
      collapsed
    >
      <SelectField
        id={`${p}refer-to`}
        label="Refer it to"
        value={target}
        onChange={setTarget}
        error={failure.fields[`${p}refer-to`]}
      >
        <option value="">Choose who</option>
        <option value={PRESS_OFFICE}>The press office (announcements and anything newsworthy)</option>
        {opportunity.referralTargets.map((d) => (
          <option key={d.key} value={d.key}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <TextareaField
        id={`${p}refer-note`}
        label="Note for whoever picks it up"
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={failure.fields[`${p}refer-note`]}
      />
    </ChangeForm>
  );
};
