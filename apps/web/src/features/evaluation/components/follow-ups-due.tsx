import { useState } from 'react';
import type { Exercise, FollowUpDue } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { Day } from './day';
import { InfluenceForm } from './influence-form';

const key = (f: FollowUpDue) => `${f.exerciseId}-${f.months}`;

/**
 * The follow-ups that have come due, first on the page: each asks what the exercise changed in policy, and is
 * recorded as an influence entry (which marks every follow-up already due on that exercise as done).
 */
export const FollowUpsDue = ({ items, exercises }: { items: FollowUpDue[]; exercises: Exercise[] }) => {
  const [recording, setRecording] = useState<string | null>(null);
  if (items.length === 0) return null;
  return (
    <div className="notification-banner" role="region" aria-labelledby="follow-ups-due-title">
      <div className="notification-banner__header">
        <h2 id="follow-ups-due-title" className="notification-banner__title">
          Follow-ups due
        </h2>
      </div>
      <div className="notification-banner__content">
        <ul className="record-list">
          {items.map((f) => {
            const exercise = exercises.find((e) => e.id === f.exerciseId);
            return (
              <li key={key(f)}>
                <p>
                  The {f.months}-month follow-up of “{f.exerciseTitle}” was due <Day value={f.dueAt} />.
                  Record what it has changed in policy since it closed.
                </p>
                {exercise &&
                  (recording === key(f) ? (
                    <InfluenceForm
                      exercise={exercise}
                      followUpMonths={f.months}
                      onDone={() => setRecording(null)}
                    />
                  ) : (
                    <Button onClick={() => setRecording(key(f))}>
                      Record the follow-up<span className="visually-hidden"> of {f.exerciseTitle}</span>
                    </Button>
                  ))}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
};
