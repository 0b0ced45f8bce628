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
  /** Behind a disclosure: for the changes made less often (decline, refer), so the panel stays short. */
  collapsed?: boolean;
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
  collapsed = false,
  children,
}: ChangeFormProps) => {
  const titleId = `${id}-title`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const form = (heading: ReactNode) => (
    <form id={id} className="form opportunity-form" onSubmit={submit} noValidate aria-labelledby={titleId}>
      {heading}
      <ErrorSummary items={failure.summary} />
      {children}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Sending…' : submitLabel}
      </Button>
    </form>
  );
  if (!collapsed) {
    return form(
      <h3 id={titleId} className="heading-s">
        {title}
      </h3>,
    );
  }
  // Opened once, it stays open through re-renders (a refusal, a refetch), so what was typed stays in view.
  return (
    <details className="details">
      <summary id={titleId} className="details__summary">
        {title}
      </summary>
      {form(null)}
    </details>
  );
};
