import { useState, type KeyboardEvent } from 'react';
import type { Engagement } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { formatDateTimeCompact } from '../../../lib/format';
import {
  useFindConversations,
  useLinkedConversation,
  useOpportunityEngagements,
} from '../api/find-conversations';
import { conversationIdFrom } from '../utils/record-words';

type PickerProps = {
  id: string;
  department: string;
  picked: string[];
  onPick: (conversationId: string) => void;
};

// Inside a record's form: Enter in a search box runs the search instead of saving the whole form.
const onEnter = (run: () => void) => (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  run();
};

/** Find one of the department's conversations by its words, or paste its Parley link or number. */
export const ConversationPicker = ({ id, department, picked, onPick }: PickerProps) => {
  const [words, setWords] = useState('');
  const [searched, setSearched] = useState('');
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string>();
  const found = useFindConversations(department, searched);
  const addPasted = () => {
    const conversationId = conversationIdFrom(pasted);
    if (!conversationId) {
      setPasteError('Paste a conversation’s Parley link, such as …/conversations/123, or its number');
      return;
    }
    setPasteError(undefined);
    setPasted('');
    onPick(conversationId);
  };
  return (
    <div className="inset-text">
      <TextField
        id={`${id}-search`}
        label="Find a conversation"
        hint="Words in the thread"
        value={words}
        onChange={(e) => setWords(e.target.value)}
        onKeyDown={onEnter(() => setSearched(words))}
      />
      <Button variant="secondary" onClick={() => setSearched(words)}>
        Search conversations
      </Button>
      <div aria-live="polite">
        {found.isFetching && <p>Searching…</p>}
        {found.isError && <p className="error-message">The search did not work. Try again.</p>}
        {found.data && found.data.items.length === 0 && <p>No conversations have those words.</p>}
        {found.data && found.data.items.length > 0 && (
          <ul className="list">
            {found.data.items.map((c) => (
              <li key={c.id}>
                {c.title ?? `Conversation ${c.id}`} ({c.sourceName ?? c.source},{' '}
                {formatDateTimeCompact(c.lastActivityAt) ?? 'no date'}){' '}
                {picked.includes(c.id) ? (
                  <strong>linked</strong>
                ) : (
                  <Button variant="link" onClick={() => onPick(c.id)}>
                    Link<span className="visually-hidden"> {c.title ?? `conversation ${c.id}`}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <TextField
        id={`${id}-paste`}
        label="Or paste a conversation link"
        hint="From the address bar when the conversation is open, or its number"
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
        onKeyDown={onEnter(addPasted)}
        error={pasteError}
      />
      <Button variant="secondary" onClick={addPasted}>
        Add link
      </Button>
    </div>
  );
};

const kindName = (e: Engagement) => `${e.kind[0].toUpperCase()}${e.kind.slice(1).replace(/[-_]/g, ' ')}`;
const engagementName = (e: Engagement) =>
  `${kindName(e)} on ${formatDateTimeCompact(e.postedAt) ?? 'an unknown date'}${e.text ? `: “${e.text.slice(0, 80)}${e.text.length > 80 ? '…' : ''}”` : ''}`;

type LinkedProps = {
  id: string;
  department: string;
  conversationId: string;
  /** The engagements chosen so far; `one` lets only one be chosen (a radio), `many` any number. */
  chosen: string[];
  choose: 'one' | 'many';
  onChoose: (engagementId: string, on: boolean) => void;
  /** Unlinks it, with the ids of its engagements so those go too. */
  onRemove: (engagementIds: string[]) => void;
};

/** A linked conversation: its title, the department's engagements on it to choose from, and a way to unlink it. */
export const LinkedConversation = ({
  id,
  department,
  conversationId,
  chosen,
  choose,
  onChoose,
  onRemove,
}: LinkedProps) => {
  const conversation = useLinkedConversation(conversationId);
  const opportunityId =
    conversation.data?.tags.find((t) => t.department === department)?.opportunityId ?? null;
  const engagements = useOpportunityEngagements(opportunityId);
  const title = conversation.data?.title ?? `Conversation ${conversationId}`;
  return (
    <li>
      <a className="link" href={`/conversations/${encodeURIComponent(conversationId)}`}>
        {title}
      </a>{' '}
      <Button variant="link" onClick={() => onRemove(engagements.data?.engagements.map((e) => e.id) ?? [])}>
        Remove<span className="visually-hidden"> {title}</span>
      </Button>
      {conversation.isError && (
        <p className="hint">Parley cannot find this conversation for the department.</p>
      )}
      {engagements.data && engagements.data.engagements.length > 0 && (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">
            {choose === 'one' ? 'The engagement that carried it' : 'Engagements it is about (optional)'}
          </legend>
          {engagements.data.engagements.map((e) => (
            <div className="checkbox checkbox--small" key={e.id}>
              <input
                id={`${id}-engagement-${e.id}`}
                className="checkbox__input"
                type={choose === 'one' ? 'radio' : 'checkbox'}
                name={`${id}-engagement`}
                checked={chosen.includes(e.id)}
                onChange={(event) => onChoose(e.id, event.target.checked)}
              />
              <label className="checkbox__label" htmlFor={`${id}-engagement-${e.id}`}>
                {engagementName(e)}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {engagements.data && engagements.data.engagements.length === 0 && (
        <p className="hint">The department has not engaged on this conversation.</p>
      )}
    </li>
  );
};
