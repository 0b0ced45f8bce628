import { useState } from 'react';
import type { Exercise } from '@parley/contracts';
import { TextField } from '../../../components/ui/text-field';
import { recordPath, useChangeRecord } from '../api/change-record';
import { useRecordFailure } from '../utils/record-failure';
import { dayOf } from '../utils/record-words';
import { RecordForm } from './record-form';

const FIELDS = ['closedAt'] as const;

/** Closing an exercise starts its 3, 6 and 12-month follow-ups; closing it again moves those not yet done. */
export const CloseExerciseForm = ({ exercise, onDone }: { exercise: Exercise; onDone: () => void }) => {
  const [closedAt, setClosedAt] = useState(dayOf(exercise.closedAt));
  const close = useChangeRecord(exercise.department, { onSuccess: onDone });
  const id = `close-${exercise.id}`;
  const { errorOf, summary } = useRecordFailure(close.error, id, FIELDS);
  return (
    <RecordForm
      id={id}
      title={exercise.closedAt ? `Change when “${exercise.title}” closed` : `Close “${exercise.title}”`}
      summary={summary}
      submitLabel={exercise.closedAt ? 'Save closing date' : 'Close exercise'}
      busy={close.isPending}
      onSubmit={() =>
        close.mutate({
          method: 'POST',
          path: recordPath('exercises', exercise.id, 'close'),
          body: closedAt.trim() === '' ? {} : { closedAt },
        })
      }
      onCancel={onDone}
    >
      <TextField
        id={`${id}-closedAt`}
        label="Closed on (optional)"
        hint="For example, 2026-02-01. Leave it empty to close it now. Follow-ups fall due 3, 6 and 12 months later."
        className="input--width-20"
        value={closedAt}
        onChange={(e) => setClosedAt(e.target.value)}
        error={errorOf('closedAt')}
      />
    </RecordForm>
  );
};
