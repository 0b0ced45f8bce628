import { NotificationBanner } from '../../../components/ui/notification-banner';
import type { BulkOutcome } from '../utils/bulk';

const DONE_WORDS: Record<string, [string, string]> = {
  assign: ['assigned to you', 'Assigned'],
  decline: ['declined', 'Declined'],
};

/** What a bulk change did: how many worked, and each that did not, by title, with why. */
export const BulkOutcomeBanner = ({
  outcome,
}: {
  outcome: BulkOutcome & { action: string; key: number };
}) => {
  const [done, title] = DONE_WORDS[outcome.action] ?? ['changed', 'Changed'];
  const noun = (n: number) => (n === 1 ? 'conversation' : 'conversations');
  return (
    <NotificationBanner
      title={outcome.failed.length ? 'Some were not changed' : title}
      focusKey={outcome.key}
    >
      <p>
        {outcome.done} {noun(outcome.done)} {done}.
      </p>
      {outcome.failed.length > 0 && (
        <>
          <p>
            {outcome.failed.length} {noun(outcome.failed.length)} could not be:
          </p>
          <ul className="list">
            {outcome.failed.map((f) => (
              <li key={f.title + f.message}>
                <strong>{f.title}</strong>: {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </NotificationBanner>
  );
};
