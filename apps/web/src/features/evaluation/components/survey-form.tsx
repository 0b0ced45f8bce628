import { useState } from 'react';
import type { Objective, Survey } from '@parley/contracts';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { recordPath, useChangeRecord } from '../api/change-record';
import { useRecordFailure } from '../utils/record-failure';
import { changedFields, dayOf, numberOrText } from '../utils/record-words';
import { RecordForm } from './record-form';

const FIELDS = [
  'question',
  'method',
  'objectiveId',
  'before.agree',
  'before.n',
  'before',
  'after.agree',
  'after.n',
  'after',
  'surveyedAt',
] as const;

type SurveyFormProps = { department: string; objectives: Objective[]; survey?: Survey; onDone?: () => void };

/** A surveyed outcome: the share agreeing before and after, and how many were asked each time. */
export const SurveyForm = ({ department, objectives, survey, onDone }: SurveyFormProps) => {
  const initial = {
    question: survey?.question ?? '',
    method: survey?.method ?? '',
    objectiveId: survey?.objectiveId ?? '',
    beforeAgree: survey ? String(survey.before.agree) : '',
    beforeN: survey ? String(survey.before.n) : '',
    afterAgree: survey ? String(survey.after.agree) : '',
    afterN: survey ? String(survey.after.n) : '',
    surveyedAt: dayOf(survey?.surveyedAt ?? null),
  };
  const [fields, setFields] = useState(initial);
  const save = useChangeRecord(department, {
    onSuccess: () => {
      setFields(initial);
      onDone?.();
    },
  });
  const id = survey ? `survey-${survey.id}` : 'survey-new';
  const { errorOf, summary } = useRecordFailure(save.error, id, FIELDS);
  const asSent = (f: typeof initial) => ({
    question: f.question,
    method: f.method,
    objectiveId: f.objectiveId === '' ? null : f.objectiveId,
    before: { agree: numberOrText(f.beforeAgree), n: numberOrText(f.beforeN) },
    after: { agree: numberOrText(f.afterAgree), n: numberOrText(f.afterN) },
    surveyedAt: f.surveyedAt,
  });
  const submit = () =>
    survey
      ? save.mutate({
          method: 'PATCH',
          path: recordPath('surveys', survey.id),
          body: changedFields({ ...asSent(initial), surveyedAt: survey.surveyedAt }, asSent(fields)),
        })
      : save.mutate({ method: 'POST', path: recordPath('surveys'), body: { department, ...asSent(fields) } });
  const set = (name: keyof typeof initial) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [name]: event.target.value });
  const count = (
    name: keyof typeof initial,
    label: string,
    path: (typeof FIELDS)[number],
    group: 'before' | 'after',
  ) => (
    <TextField
      id={`${id}-${path}`}
      label={label}
      inputMode="numeric"
      className="input--width-20"
      value={fields[name]}
      onChange={set(name)}
      error={errorOf(path) ?? (path.endsWith('.agree') ? errorOf(group) : undefined)}
    />
  );
  return (
    <RecordForm
      id={id}
      title={survey ? 'Change the survey' : 'Add a surveyed outcome'}
      summary={summary}
      submitLabel={survey ? 'Save changes' : 'Add survey'}
      busy={save.isPending}
      onSubmit={submit}
      onCancel={survey ? onDone : undefined}
      titleHidden={!survey}
    >
      <TextField
        id={`${id}-question`}
        label="Question asked"
        hint="For example, “I know how to appeal an exam grade”"
        value={fields.question}
        onChange={set('question')}
        error={errorOf('question')}
      />
      <TextField
        id={`${id}-method`}
        label="How people were surveyed"
        hint="For example, online panel, 1,000 parents in England"
        value={fields.method}
        onChange={set('method')}
        error={errorOf('method')}
      />
      <SelectField
        id={`${id}-objectiveId`}
        label="Objective it measures (optional)"
        value={fields.objectiveId}
        onChange={(objectiveId) => setFields({ ...fields, objectiveId })}
        error={errorOf('objectiveId')}
      >
        <option value="">Not linked to an objective</option>
        {objectives.map((o) => (
          <option key={o.id} value={o.id}>
            {o.description}
          </option>
        ))}
      </SelectField>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Before the exercise</legend>
        {count('beforeAgree', 'Number who agreed', 'before.agree', 'before')}
        {count('beforeN', 'Number asked', 'before.n', 'before')}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">After the exercise</legend>
        {count('afterAgree', 'Number who agreed', 'after.agree', 'after')}
        {count('afterN', 'Number asked', 'after.n', 'after')}
      </fieldset>
      <TextField
        id={`${id}-surveyedAt`}
        label="Surveyed on"
        hint="The day of the after survey, for example 2026-04-01"
        className="input--width-20"
        value={fields.surveyedAt}
        onChange={set('surveyedAt')}
        error={errorOf('surveyedAt')}
      />
    </RecordForm>
  );
};
