import { useState } from 'react';
import type { InputCost } from '@parley/contracts';
import { TextField } from '../../../components/ui/text-field';
import { recordPath, useChangeRecord } from '../api/change-record';
import { useRecordFailure } from '../utils/record-failure';
import { changedFields, costTotal, dayOf, formatPounds, numberOrText } from '../utils/record-words';
import { RecordForm } from './record-form';

const FIELDS = ['from', 'to', 'staffHours', 'hourlyRate', 'toolCost'] as const;

type CostFormProps = { department: string; cost?: InputCost; onDone?: () => void };

/** What a period of engagement cost: staff hours at an hourly rate, plus tools. */
export const CostForm = ({ department, cost, onDone }: CostFormProps) => {
  const initial = {
    from: dayOf(cost?.from ?? null),
    to: dayOf(cost?.to ?? null),
    staffHours: cost ? String(cost.staffHours) : '',
    hourlyRate: cost ? String(cost.hourlyRate) : '',
    toolCost: cost ? String(cost.toolCost) : '',
  };
  const [fields, setFields] = useState(initial);
  const save = useChangeRecord(department, {
    onSuccess: () => {
      setFields(initial);
      onDone?.();
    },
  });
  const id = cost ? `cost-${cost.id}` : 'cost-new';
  const { errorOf, summary } = useRecordFailure(save.error, id, FIELDS);
  const asSent = (f: typeof initial) => ({
    from: f.from,
    to: f.to,
    staffHours: numberOrText(f.staffHours),
    hourlyRate: numberOrText(f.hourlyRate),
    toolCost: numberOrText(f.toolCost) ?? 0,
  });
  const sent = asSent(fields);
  const submit = () =>
    cost
      ? save.mutate({
          method: 'PATCH',
          path: recordPath('costs', cost.id),
          body: changedFields({ ...asSent(initial), from: cost.from, to: cost.to }, sent),
        })
      : save.mutate({ method: 'POST', path: recordPath('costs'), body: { department, ...sent } });
  const set = (name: keyof typeof initial) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [name]: event.target.value });
  const numbers = [sent.staffHours, sent.hourlyRate, sent.toolCost];
  const preview = numbers.every((n) => typeof n === 'number')
    ? formatPounds(
        costTotal({
          staffHours: sent.staffHours as number,
          hourlyRate: sent.hourlyRate as number,
          toolCost: sent.toolCost as number,
        }),
      )
    : null;
  return (
    <RecordForm
      id={id}
      title={cost ? 'Change the cost' : 'Add an input cost'}
      summary={summary}
      submitLabel={cost ? 'Save changes' : 'Add cost'}
      busy={save.isPending}
      onSubmit={submit}
      onCancel={cost ? onDone : undefined}
      titleHidden={!cost}
    >
      <TextField
        id={`${id}-from`}
        label="From"
        hint="The first day, for example 2026-01-01"
        className="input--width-20"
        value={fields.from}
        onChange={set('from')}
        error={errorOf('from')}
      />
      <TextField
        id={`${id}-to`}
        label="To"
        hint="The day after the last, for example 2026-04-01"
        className="input--width-20"
        value={fields.to}
        onChange={set('to')}
        error={errorOf('to')}
      />
      <TextField
        id={`${id}-staffHours`}
        label="Staff hours"
        inputMode="decimal"
        className="input--width-20"
        value={fields.staffHours}
        onChange={set('staffHours')}
        error={errorOf('staffHours')}
      />
      <TextField
        id={`${id}-hourlyRate`}
        label="Hourly rate, in pounds"
        hint="Including on-costs, for example 40"
        inputMode="decimal"
        className="input--width-20"
        value={fields.hourlyRate}
        onChange={set('hourlyRate')}
        error={errorOf('hourlyRate')}
      />
      <TextField
        id={`${id}-toolCost`}
        label="Tool cost for the period, in pounds (optional)"
        inputMode="decimal"
        className="input--width-20"
        value={fields.toolCost}
        onChange={set('toolCost')}
        error={errorOf('toolCost')}
      />
      {preview && <p aria-live="polite">That comes to {preview}.</p>}
    </RecordForm>
  );
};
