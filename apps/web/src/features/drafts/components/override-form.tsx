import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { TextareaField } from '../../../components/ui/textarea-field';

type OverrideFormProps = { id: string; onSubmit: (reason: string) => void; disabled: boolean };

/** Setting a finding aside needs a reason, which is kept with the version and in the audit log. */
export const OverrideForm = ({ id, onSubmit, disabled }: OverrideFormProps) => {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Enter why this finding does not apply');
      return;
    }
    setError(undefined);
    onSubmit(reason.trim());
  };
  return (
    <details className="details">
      <summary className="details__summary">This does not apply</summary>
      <form onSubmit={submit} noValidate>
        <TextareaField
          id={`${id}-reason`}
          label="Why does this finding not apply?"
          hint="Your reason is kept with this version of the draft and in the audit log."
          rows={2}
          value={reason}
          error={error}
          onChange={(event) => setReason(event.target.value)}
        />
        <Button type="submit" variant="secondary" disabled={disabled}>
          Set this finding aside
        </Button>
      </form>
    </details>
  );
};
