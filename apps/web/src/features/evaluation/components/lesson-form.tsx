import { useState } from 'react';
import type { Exercise, Lesson } from '@parley/contracts';
import { SelectField } from '../../../components/ui/select-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { recordPath, useChangeRecord } from '../api/change-record';
import { useRecordFailure } from '../utils/record-failure';
import { changedFields } from '../utils/record-words';
import { ConversationPicker, LinkedConversation } from './conversation-picker';
import { RecordForm } from './record-form';

const FIELDS = ['text', 'exerciseId', 'conversationIds', 'engagementIds'] as const;

type LessonFormProps = { department: string; exercises: Exercise[]; lesson?: Lesson; onDone?: () => void };

/** "What didn't work": the lesson, the exercise it came from, the conversations and engagements it is about. */
export const LessonForm = ({ department, exercises, lesson, onDone }: LessonFormProps) => {
  const initial = {
    text: lesson?.text ?? '',
    exerciseId: lesson?.exerciseId ?? '',
    conversationIds: lesson?.conversationIds ?? [],
    engagementIds: lesson?.engagementIds ?? [],
  };
  const [fields, setFields] = useState(initial);
  const save = useChangeRecord(department, {
    onSuccess: () => {
      setFields(initial);
      onDone?.();
    },
  });
  const id = lesson ? `lesson-${lesson.id}` : 'lesson-new';
  const { errorOf, summary } = useRecordFailure(save.error, id, FIELDS);
  const body = { ...fields, exerciseId: fields.exerciseId === '' ? null : fields.exerciseId };
  const submit = () =>
    lesson
      ? save.mutate({
          method: 'PATCH',
          path: recordPath('lessons', lesson.id),
          body: changedFields({ ...initial, exerciseId: lesson.exerciseId }, body),
        })
      : save.mutate({ method: 'POST', path: recordPath('lessons'), body: { department, ...body } });
  const unlink = (conversationId: string, engagementIds: string[]) =>
    setFields({
      ...fields,
      conversationIds: fields.conversationIds.filter((c) => c !== conversationId),
      engagementIds: fields.engagementIds.filter((e) => !engagementIds.includes(e)),
    });
  return (
    <RecordForm
      id={id}
      title={lesson ? 'Change the lesson' : 'Add a lesson'}
      summary={summary}
      submitLabel={lesson ? 'Save changes' : 'Add lesson'}
      busy={save.isPending}
      onSubmit={submit}
      onCancel={lesson ? onDone : undefined}
      titleHidden={!lesson}
    >
      <TextareaField
        id={`${id}-text`}
        label="What did not work?"
        hint="Say what happened and what you would do differently"
        rows={4}
        value={fields.text}
        onChange={(e) => setFields({ ...fields, text: e.target.value })}
        error={errorOf('text')}
      />
      <SelectField
        id={`${id}-exerciseId`}
        label="Exercise (optional)"
        value={fields.exerciseId}
        onChange={(exerciseId) => setFields({ ...fields, exerciseId })}
        error={errorOf('exerciseId')}
      >
        <option value="">Not about one exercise</option>
        {exercises.map((e) => (
          <option key={e.id} value={e.id}>
            {e.title}
          </option>
        ))}
      </SelectField>
      <fieldset className="fieldset" id={`${id}-conversationIds`} tabIndex={-1}>
        <legend className="fieldset__legend">Conversations it is about (optional)</legend>
        {[errorOf('conversationIds'), errorOf('engagementIds')].filter(Boolean).map((message) => (
          <p key={message} className="error-message">
            <span className="visually-hidden">Error:</span> {message}
          </p>
        ))}
        {fields.conversationIds.length === 0 ? (
          <p className="hint">No conversations linked yet.</p>
        ) : (
          <ul className="list">
            {fields.conversationIds.map((c) => (
              <LinkedConversation
                key={c}
                id={`${id}-${c}`}
                department={department}
                conversationId={c}
                chosen={fields.engagementIds}
                choose="many"
                onChoose={(engagementId, on) =>
                  setFields({
                    ...fields,
                    engagementIds: on
                      ? [...fields.engagementIds, engagementId]
                      : fields.engagementIds.filter((e) => e !== engagementId),
                  })
                }
                onRemove={(engagementIds) => unlink(c, engagementIds)}
              />
            ))}
          </ul>
        )}
        <ConversationPicker
          id={id}
          department={department}
          picked={fields.conversationIds}
          onPick={(c) =>
            fields.conversationIds.includes(c) ||
            setFields({ ...fields, conversationIds: [...fields.conversationIds, c] })
          }
        />
      </fieldset>
    </RecordForm>
  );
};
