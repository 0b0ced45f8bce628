import type { FormEvent, ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';

type ActionFormProps = {
  id: string;
  title: string;
  submitLabel: string;
  pending: boolean;
  summary: ErrorSummaryItem[];
  onSubmit: () => void;
  children?: ReactNode;
};

/**
 * One action as a small form behind a disclosure: its own error summary (focused when it appears), its fields and
 * one button. Opened once it stays open through a refusal, so what was typed stays in view.
 */
export const ActionForm = ({
  id,
  title,
  submitLabel,
  pending,
  summary,
  onSubmit,
  children,
}: ActionFormProps) => {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <details className="details alert-action">
      <summary id={`${id}-title`} className="details__summary">
        {title}
      </summary>
      <form id={id} className="form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        <ErrorSummary items={summary} />
        {children}
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? 'Sending…' : submitLabel}
        </Button>
      </form>
    </details>
  );
};
