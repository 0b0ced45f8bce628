import type { InputHTMLAttributes } from 'react';

type CheckboxProps = {
  id: string;
  label: string;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>;

/** A single GOV.UK-style checkbox: a large box with its label beside it, the whole label clickable. */
export const Checkbox = ({ id, label, hint, ...input }: CheckboxProps) => {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="form-group">
      <div className="checkbox">
        <input
          id={id}
          name={id}
          type="checkbox"
          className="checkbox__input"
          aria-describedby={hintId}
          {...input}
        />
        <label className="checkbox__label" htmlFor={id}>
          {label}
        </label>
        {hint && (
          <p id={hintId} className="hint checkbox__hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
};
