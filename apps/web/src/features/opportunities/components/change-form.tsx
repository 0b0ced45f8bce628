import type { FormEvent, ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import type { ChangeFailure } from '../utils/change-failure';

type ChangeFormProps = {
  id: string;
  title: string;
  submitLabel: string;
  pending: boolean;
  failure: ChangeFailure;
  onSubmit: () => void;
  children?: ReactNode;
};

/** One change as a small form: its own error summary (focused when it appears), its fields, one button. */
export const ChangeForm = ({
  id,
  title,
  submitLabel,
  pending,
  failure,
  onSubmit,
  children,
}: ChangeFormProps) => {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form
      id={id}
      className="form opportunity-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`} className="heading-s">
        {title}
      </h3>
      <ErrorSummary items={failure.summary} />
      {children}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Sending…' : submitLabel}
      </Button>
    </form>
  );
};
