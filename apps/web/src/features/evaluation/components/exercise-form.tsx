import { useState } from 'react';
import type { Exercise } from '@parley/contracts';
import { TextField } from '../../../components/ui/text-field';
import { recordPath, useChangeRecord } from '../api/change-record';
import { useRecordFailure } from '../utils/record-failure';
import { changedFields, dayOf } from '../utils/record-words';
import { RecordForm } from './record-form';

const FIELDS = ['title', 'topic', 'startedAt'] as const;

type ExerciseFormProps = { department: string; exercise?: Exercise; onDone?: () => void };

/** An engagement exercise: a consultation, a campaign or a topic the department takes part in. */
export const ExerciseForm = ({ department, exercise, onDone }: ExerciseFormProps) => {
  const initial = {
    title: exercise?.title ?? '',
    topic: exercise?.topic ?? '',
    startedAt: dayOf(exercise?.startedAt ?? null),
  };
  const [fields, setFields] = useState(initial);
  const save = useChangeRecord(department, {
    onSuccess: () => {
      setFields(initial);
      onDone?.();
    },
  });
  const id = exercise ? `exercise-${exercise.id}` : 'exercise-new';
  const { errorOf, summary } = useRecordFailure(save.error, id, FIELDS);
  const body = {
    title: fields.title,
    topic: fields.topic.trim() === '' ? null : fields.topic,
    startedAt: fields.startedAt,
  };
  const submit = () =>
    exercise
      ? save.mutate({
          method: 'PATCH',
          path: recordPath('exercises', exercise.id),
          body: changedFields({ ...initial, topic: exercise.topic }, body),
        })
      : save.mutate({ method: 'POST', path: recordPath('exercises'), body: { department, ...body } });
  const set = (name: keyof typeof initial) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [name]: event.target.value });
  return (
    <RecordForm
      id={id}
      title={exercise ? `Change “${exercise.title}”` : 'Add an exercise'}
      summary={summary}
      submitLabel={exercise ? 'Save changes' : 'Add exercise'}
      busy={save.isPending}
      onSubmit={submit}
      onCancel={exercise ? onDone : undefined}
      titleHidden={!exercise}
    >
      <TextField
        id={`${id}-title`}
        label="Title"
        value={fields.title}
        onChange={set('title')}
        error={errorOf('title')}
      />
      <TextField
        id={`${id}-topic`}
        label="Topic (optional)"
        hint="What it is about, such as student loans"
        value={fields.topic}
        onChange={set('topic')}
        error={errorOf('topic')}
      />
      <TextField
        id={`${id}-startedAt`}
        label="Started on"
        hint="For example, 2026-01-05"
        className="input--width-20"
        value={fields.startedAt}
        onChange={set('startedAt')}
        error={errorOf('startedAt')}
      />
    </RecordForm>
  );
};
