import { useMemo, useState, type FormEvent } from 'react';
import { METRICS } from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-client';
import { useSaveObjective } from '../api/save-objective';

const EMPTY = { description: '', audience: '', metric: '', baseline: '', target: '', from: '', to: '' };
const number = (text: string) => (text.trim() === '' ? null : Number(text));

/** An OASIS objective: what the department sets out to change, for whom, measured by which metric, by when. */
export const ObjectiveForm = ({ department, onDone }: { department: string; onDone?: () => void }) => {
  const [fields, setFields] = useState(EMPTY);
  const save = useSaveObjective({
    onSuccess: () => {
      setFields(EMPTY);
      onDone?.();
    },
  });
  // Kept while the error is: the summary takes focus whenever its list changes, and so must not on each keystroke.
  const problems = useMemo(
    () => (save.error && isApiError(save.error) ? save.error.problems : []),
    [save.error],
  );
  const summary = useMemo(
    () => problems.map((p) => ({ text: p.message, href: `#objective-${p.path.split('.')[0]}` })),
    [problems],
  );
  const errorOf = (path: string) => problems.find((p) => p.path === path)?.message;
  const set = (name: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [name]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      department,
      description: fields.description,
      audience: fields.audience,
      metric: fields.metric,
      baseline: number(fields.baseline),
      target: number(fields.target),
      from: fields.from,
      to: fields.to,
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="objective-form-title">
      <h3 id="objective-form-title" className="visually-hidden">
        Add an objective
      </h3>
      <ErrorSummary items={summary} />
      <TextField
        id="objective-description"
        label="Objective"
        value={fields.description}
        onChange={set('description')}
        error={errorOf('description')}
      />
      <TextField
        id="objective-audience"
        label="Audience"
        value={fields.audience}
        onChange={set('audience')}
        error={errorOf('audience')}
      />
      <div className={`form-group${errorOf('metric') ? ' form-group--error' : ''}`}>
        <label className="label" htmlFor="objective-metric">
          Measured by
        </label>
        {errorOf('metric') && (
          <p id="objective-metric-error" className="error-message">
            {errorOf('metric')}
          </p>
        )}
        <select id="objective-metric" className="select" value={fields.metric} onChange={set('metric')}>
          <option value="">Choose a measure</option>
          {METRICS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="objective-baseline"
        label="Baseline (optional)"
        inputMode="decimal"
        value={fields.baseline}
        onChange={set('baseline')}
        error={errorOf('baseline')}
      />
      <TextField
        id="objective-target"
        label="Target (optional)"
        inputMode="decimal"
        value={fields.target}
        onChange={set('target')}
        error={errorOf('target')}
      />
      <TextField
        id="objective-from"
        label="From"
        hint="For example, 2026-01-01"
        value={fields.from}
        onChange={set('from')}
        error={errorOf('from')}
      />
      <TextField
        id="objective-to"
        label="To"
        hint="For example, 2026-04-01"
        value={fields.to}
        onChange={set('to')}
        error={errorOf('to')}
      />
      <Button type="submit" disabled={save.isPending}>
        Add objective
      </Button>
    </form>
  );
};
