import type { FormEvent, ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';

type RecordFormProps = {
  id: string;
  title: string;
  summary: ErrorSummaryItem[];
  submitLabel: string;
  busy: boolean;
  onSubmit: () => void;
  /** Shown when changing a record: puts the record back as it was. */
  onCancel?: () => void;
  /** For a form inside a "details" whose summary already says what it is: the title is for screen readers only. */
  titleHidden?: boolean;
  children: ReactNode;
};

/** Every record's form: its title, the GOV.UK error summary from the api's problems, its fields, save and cancel. */
export const RecordForm = ({
  id,
  title,
  summary,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
  titleHidden = false,
  children,
}: RecordFormProps) => {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form id={id} className="form" onSubmit={submit} noValidate aria-labelledby={`${id}-form-title`}>
      <h3 id={`${id}-form-title`} className={titleHidden ? 'visually-hidden' : 'heading-s'}>
        {title}
      </h3>
      <ErrorSummary items={summary} />
      {children}
      <div className="button-group">
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
};
