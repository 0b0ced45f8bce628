import { useState } from 'react';
import type { Objective } from '@parley/contracts';
import { METRICS } from '@parley/domain';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { recordPath, useChangeRecord } from '../api/change-record';
import { useRecordFailure } from '../utils/record-failure';
import { changedFields, dayOf, numberOrText } from '../utils/record-words';
import { RecordForm } from './record-form';

const FIELDS = ['description', 'audience', 'metric', 'baseline', 'target', 'from', 'to'] as const;

type ObjectiveFormProps = { department: string; objective?: Objective; onDone?: () => void };

/** An OASIS objective: what the department sets out to change, for whom, measured by which metric, by when. */
export const ObjectiveForm = ({ department, objective, onDone }: ObjectiveFormProps) => {
  const initial = {
    description: objective?.description ?? '',
    audience: objective?.audience ?? '',
    metric: objective?.metric ?? '',
    baseline: objective?.baseline === null || !objective ? '' : String(objective.baseline),
    target: objective?.target === null || !objective ? '' : String(objective.target),
    from: dayOf(objective?.from ?? null),
    to: dayOf(objective?.to ?? null),
  };
  const [fields, setFields] = useState(initial);
  const save = useChangeRecord(department, {
    onSuccess: () => {
      setFields(initial);
      onDone?.();
    },
  });
  const id = objective ? `objective-${objective.id}` : 'objective-new';
  const { errorOf, summary } = useRecordFailure(save.error, id, FIELDS);
  // An emptied baseline or target is "not set" (null) when adding; a change leaves it out instead.
  const asSent = (f: typeof initial) => ({
    description: f.description,
    audience: f.audience,
    metric: f.metric,
    baseline: numberOrText(f.baseline) ?? (objective ? undefined : null),
    target: numberOrText(f.target) ?? (objective ? undefined : null),
    from: f.from,
    to: f.to,
  });
  const submit = () =>
    objective
      ? save.mutate({
          method: 'PATCH',
          path: recordPath('objectives', objective.id),
          body: changedFields({ ...asSent(initial), from: objective.from, to: objective.to }, asSent(fields)),
        })
      : save.mutate({
          method: 'POST',
          path: recordPath('objectives'),
          body: { department, ...asSent(fields) },
        });
  const set = (name: keyof typeof initial) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [name]: event.target.value });
  return (
    <RecordForm
      id={id}
      title={objective ? 'Change the objective' : 'Add an objective'}
      summary={summary}
      submitLabel={objective ? 'Save changes' : 'Add objective'}
      busy={save.isPending}
      onSubmit={submit}
      onCancel={objective ? onDone : undefined}
      titleHidden={!objective}
    >
      <TextField
        id={`${id}-description`}
        label="Objective"
        value={fields.description}
        onChange={set('description')}
        error={errorOf('description')}
      />
      <TextField
        id={`${id}-audience`}
        label="Audience"
        value={fields.audience}
        onChange={set('audience')}
        error={errorOf('audience')}
      />
      <SelectField
        id={`${id}-metric`}
        label="Measured by"
        value={fields.metric}
        onChange={(metric) => setFields({ ...fields, metric })}
        error={errorOf('metric')}
      >
        <option value="">Choose a measure</option>
        {METRICS.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${id}-baseline`}
        label="Baseline (optional)"
        inputMode="decimal"
        className="input--width-20"
        value={fields.baseline}
        onChange={set('baseline')}
        error={errorOf('baseline')}
      />
      <TextField
        id={`${id}-target`}
        label="Target (optional)"
        inputMode="decimal"
        className="input--width-20"
        value={fields.target}
        onChange={set('target')}
        error={errorOf('target')}
      />
      <TextField
        id={`${id}-from`}
        label="From"
        hint="For example, 2026-01-01"
        className="input--width-20"
        value={fields.from}
        onChange={set('from')}
        error={errorOf('from')}
      />
      <TextField
        id={`${id}-to`}
        label="To"
        hint="For example, 2026-04-01"
        className="input--width-20"
        value={fields.to}
        onChange={set('to')}
        error={errorOf('to')}
      />
    </RecordForm>
  );
};
