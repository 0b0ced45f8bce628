import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';

type TextareaFieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Ids of more text that describes the field (shown by the caller, after the field). */
  describedBy?: string;
  /** Rendered straight after the textarea, inside the form group (a caret marker, a live preview). */
  children?: ReactNode;
  textareaRef?: Ref<HTMLTextAreaElement>;
  /**
   * Show the error under the box rather than above it. For a field checked live as it is typed: an error
   * appearing above would push the box down under the person's cursor.
   */
  errorBelow?: boolean;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export const TextareaField = ({
  id,
  label,
  hint,
  error,
  describedBy,
  children,
  textareaRef,
  errorBelow = false,
  className,
  ...textarea
}: TextareaFieldProps) => {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const ids = [hintId, errorId, describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      {error && !errorBelow && <ErrorMessage id={errorId} text={error} />}
      <textarea
        ref={textareaRef}
        id={id}
        name={id}
        className={`textarea${error ? ' input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={ids}
        aria-invalid={error ? true : undefined}
        {...textarea}
      />
      {error && errorBelow && <ErrorMessage id={errorId} text={error} below />}
      {children}
    </div>
  );
};

const ErrorMessage = ({ id, text, below = false }: { id?: string; text: string; below?: boolean }) => (
  <p id={id} className={`error-message${below ? ' error-message--below' : ''}`}>
    <span className="visually-hidden">Error:</span> {text}
  </p>
);
