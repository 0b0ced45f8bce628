import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { useDigestSubscription, useSaveDigestSubscription } from '../api/digest-subscription';

type DigestSubscriptionFormProps = { department: string; departmentName: string };

/** The person's own choice of the weekly overview by email; saved on the button, so ticking the box changes nothing. */
export const DigestSubscriptionForm = ({ department, departmentName }: DigestSubscriptionFormProps) => {
  const current = useDigestSubscription(department);
  const save = useSaveDigestSubscription();
  const [wanted, setWanted] = useState<boolean | null>(null);
  if (current.isPending || current.isError) return null;
  const checked = wanted ?? current.data.subscribed;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ department, subscribed: checked }, { onSuccess: () => setWanted(null) });
  };

  return (
    <form className="no-print" onSubmit={submit} aria-label="Weekly email">
      <Checkbox
        id="digest"
        label={`Email me the overview of ${departmentName} every week`}
        hint="Sent on Monday for the seven days before."
        checked={checked}
        onChange={(e) => setWanted(e.target.checked)}
      />
      <Button type="submit" variant="secondary" disabled={save.isPending}>
        Save email choice
      </Button>
      <p role="status" aria-live="polite">
        {save.isSuccess && !save.isPending
          ? save.data.subscribed
            ? 'You will get the weekly overview by email.'
            : 'You will not get the weekly overview by email.'
          : ''}
      </p>
      {save.isError && <ErrorPanel title="Your email choice could not be saved" error={save.error} />}
    </form>
  );
};
