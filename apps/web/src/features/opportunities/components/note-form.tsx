import { useState } from 'react';
import type { Opportunity } from '@parley/contracts';
import { TextareaField } from '../../../components/ui/textarea-field';
import { useAddNote } from '../api/add-note';
import { useChangeFailure } from '../hooks/use-change-failure';
import { ChangeForm } from './change-form';

type NoteFormProps = { opportunity: Opportunity; onDone: (message: string) => void };

/** An internal note for colleagues (never posted); @ and an email address tells that member. */
export const NoteForm = ({ opportunity, onDone }: NoteFormProps) => {
  const [text, setText] = useState('');
  const { failure, clear, fromError, missing } = useChangeFailure({ text: 'note-text' });
  const add = useAddNote(opportunity.id);

  const submit = () => {
    if (!text.trim()) return missing('note-text', 'Write the note');
    add.mutate(
      { text: text.trim() },
      {
        onSuccess: () => {
          clear();
          setText('');
          onDone('Note added');
        },
        onError: fromError,
      },
    );
  };
  return (
    <ChangeForm
      id="note"
      title="Add an internal note"
      submitLabel="Add note"
      pending={add.isPending}
      failure={failure}
      onSubmit={submit}
    >
      <TextareaField
        id="note-text"
        label="Note"
        hint="Only people in your department see it. To tell a colleague, write @ and their email address, for example @sam.jones@example.gov.uk."
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={failure.fields['note-text']}
      />
    </ChangeForm>
  );
};
