import { useState } from 'react';
import type { Exercise } from '@parley/contracts';
import { TextField } from '../../../components/ui/text-field';
import { recordPath, useChangeRecord } from '../api/change-record';
import { useRecordFailure } from '../utils/record-failure';
import { dayOf } from '../utils/record-words';
import { ConversationPicker, LinkedConversation } from './conversation-picker';
import { RecordForm } from './record-form';

const FIELDS = ['url', 'postedAt', 'engagementId'] as const;

/** The "you said, we did" post that closes the loop: where it is, when, and the engagement that carried it. */
export const YouSaidWeDidForm = ({ exercise, onDone }: { exercise: Exercise; onDone: () => void }) => {
  const [url, setUrl] = useState(exercise.youSaidWeDid?.url ?? '');
  const [postedAt, setPostedAt] = useState(dayOf(exercise.youSaidWeDid?.postedAt ?? null));
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [engagementId, setEngagementId] = useState<string | null>(
    exercise.youSaidWeDid?.engagementId ?? null,
  );
  const save = useChangeRecord(exercise.department, { onSuccess: onDone });
  const id = `ysdw-${exercise.id}`;
  const { errorOf, summary } = useRecordFailure(save.error, id, FIELDS);
  return (
    <RecordForm
      id={id}
      title={`The “you said, we did” update for “${exercise.title}”`}
      summary={summary}
      submitLabel="Save update"
      busy={save.isPending}
      onSubmit={() =>
        save.mutate({
          method: 'PUT',
          path: recordPath('exercises', exercise.id, 'you-said-we-did'),
          body: { url, ...(postedAt.trim() === '' ? {} : { postedAt }), engagementId },
        })
      }
      onCancel={onDone}
    >
      <TextField
        id={`${id}-url`}
        label="Link to the update"
        hint="Where people can read what the department did, such as https://www.gov.uk/…"
        inputMode="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={errorOf('url')}
      />
      <TextField
        id={`${id}-postedAt`}
        label="Posted on (optional)"
        hint="For example, 2026-03-01. Leave it empty for now."
        className="input--width-20"
        value={postedAt}
        onChange={(e) => setPostedAt(e.target.value)}
        error={errorOf('postedAt')}
      />
      <fieldset className="fieldset" id={`${id}-engagementId`} tabIndex={-1}>
        <legend className="fieldset__legend">Was it posted as a reply in a conversation? (optional)</legend>
        {errorOf('engagementId') && (
          <p className="error-message">
            <span className="visually-hidden">Error:</span> {errorOf('engagementId')}
          </p>
        )}
        {engagementId && !conversationId && <p>It is linked to one of the department’s engagements.</p>}
        {conversationId ? (
          <ul className="list">
            <LinkedConversation
              id={id}
              department={exercise.department}
              conversationId={conversationId}
              chosen={engagementId ? [engagementId] : []}
              choose="one"
              onChoose={(engagement) => setEngagementId(engagement)}
              onRemove={() => {
                setConversationId(null);
                setEngagementId(null);
              }}
            />
          </ul>
        ) : (
          <ConversationPicker
            id={id}
            department={exercise.department}
            picked={[]}
            onPick={setConversationId}
          />
        )}
      </fieldset>
    </RecordForm>
  );
};
