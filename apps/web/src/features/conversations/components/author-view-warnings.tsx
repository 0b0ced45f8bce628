import { useState, type FormEvent } from 'react';
import type { AuthorViewNotice } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { TextareaField } from '../../../components/ui/textarea-field';
import { isApiError } from '../../../lib/api-client';
import { useRecordAuthorViewReason } from '../api/record-author-view-reason';

type AuthorViewWarningsProps = { conversationId: string; notices: AuthorViewNotice[] };

const who = (notice: AuthorViewNotice) =>
  notice.name && notice.name !== notice.handle ? `${notice.name} (${notice.handle})` : notice.handle;

/**
 * The directed-surveillance warnings for members of the public the person has opened often lately: what the law
 * says, and, past the workspace's threshold, the reason to record before their posts show again.
 */
export const AuthorViewWarnings = ({ conversationId, notices }: AuthorViewWarningsProps) => {
  const shown = notices.filter((n) => n.state !== 'reason-given');
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map((notice) => (
        <section
          key={notice.author}
          className={`author-view-warning${notice.state === 'reason-required' ? ' author-view-warning--required' : ''}`}
          aria-labelledby={`author-view-${notice.author}`}
        >
          <h2 id={`author-view-${notice.author}`} className="heading-m">
            {notice.state === 'reason-required'
              ? `Say why you need to read more posts by ${who(notice)}`
              : `You have looked at posts by ${who(notice)} often`}
          </h2>
          <p>{notice.warning}</p>
          {notice.state === 'reason-required' && (
            <ReasonForm conversationId={conversationId} notice={notice} />
          )}
        </section>
      ))}
    </>
  );
};

const ReasonForm = ({ conversationId, notice }: { conversationId: string; notice: AuthorViewNotice }) => {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const record = useRecordAuthorViewReason();
  const id = `author-view-reason-${notice.author}`;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reason.trim().length < 10) {
      setError('Enter a reason of at least 10 characters: say what the work is');
      return;
    }
    setError(undefined);
    record.mutate(
      { conversationId, author: notice.author, reason: reason.trim() },
      {
        onError: (e) =>
          setError(
            isApiError(e) && e.status === 400
              ? (e.problems[0]?.message ?? e.message)
              : 'The reason could not be saved. Try again',
          ),
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>
        Their posts on this page are hidden until you record why you need them. Your reason is kept in the
        audit log and read by your data protection officer.
      </p>
      <TextareaField
        id={id}
        label="Why do you need to keep reading this person’s posts?"
        hint="For example: they have asked the department three questions about their benefit claim this week, and we are answering each."
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={error}
      />
      <Button type="submit" disabled={record.isPending}>
        {record.isPending ? 'Saving…' : 'Record reason and show posts'}
      </Button>
    </form>
  );
};
