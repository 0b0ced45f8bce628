import type { FollowUpDue } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';

/** The follow-ups that have come due, first on the page: each asks for what the exercise changed in policy. */
export const FollowUpsDue = ({ items }: { items: FollowUpDue[] }) =>
  items.length === 0 ? null : (
    <div className="notification-banner" role="region" aria-labelledby="follow-ups-due-title">
      <h2 id="follow-ups-due-title" className="heading-m">
        Follow-ups due
      </h2>
      <ul className="list">
        {items.map((f) => (
          <li key={`${f.exerciseId}-${f.months}`}>
            {f.months}-month follow-up of “{f.exerciseTitle}”, due <DateTime value={f.dueAt} />: record what
            it changed in policy.
          </li>
        ))}
      </ul>
    </div>
  );
