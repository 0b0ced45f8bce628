import { useId, useRef, useState } from 'react';
import { Button } from './button';

type OneTimeSecretProps = { label: string; value: string };

/**
 * A password or token shown this once: in a read-only box that selects itself, with a copy button. Copying needs
 * a secure page (HTTPS or localhost); elsewhere the text is selected for Ctrl+C instead.
 */
export const OneTimeSecret = ({ label, value }: OneTimeSecretProps) => {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied');
    } catch {
      setStatus('Selected: press Ctrl+C (or ⌘+C) to copy');
    }
  };
  return (
    <div className="form-group one-time-secret">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <div className="one-time-secret__row">
        <input
          ref={input}
          id={id}
          className="input input--code one-time-secret__value"
          value={value}
          readOnly
          spellCheck={false}
          onFocus={(e) => e.target.select()}
        />
        <Button variant="secondary" onClick={() => void copy()}>
          Copy<span className="visually-hidden"> {label.toLowerCase()}</span>
        </Button>
      </div>
      <p className="hint" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
};
