import { useState } from 'react';
import type { Exercise } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { recordPath } from '../api/change-record';
import { influenceName } from '../utils/record-words';
import { CloseExerciseForm } from './close-exercise-form';
import { Day } from './day';
import { DeleteRecord } from './delete-record';
import { ExerciseForm } from './exercise-form';
import { InfluenceForm } from './influence-form';
import { YouSaidWeDidForm } from './you-said-we-did-form';

type Mode = 'view' | 'change' | 'close' | 'you-said-we-did' | 'influence' | { entry: string };

const highest = (e: Exercise) =>
  e.influence.length === 0 ? null : Math.max(...e.influence.map((i) => i.level));

/** One exercise: where it stands, its "you said, we did" update and influence entries, and what can be done next. */
export const ExerciseCard = ({ exercise }: { exercise: Exercise }) => {
  const [mode, setMode] = useState<Mode>('view');
  const done = () => setMode('view');
  const level = highest(exercise);
  const nextFollowUp = exercise.followUps.find((f) => f.doneAt === null);
  return (
    <section className="record-card" aria-labelledby={`exercise-${exercise.id}-heading`}>
      <h3 id={`exercise-${exercise.id}-heading`} className="heading-s">
        {exercise.title}
      </h3>
      <dl className="summary-list">
        {exercise.topic && (
          <div className="summary-list__row">
            <dt>Topic</dt>
            <dd>{exercise.topic}</dd>
          </div>
        )}
        <div className="summary-list__row">
          <dt>Started</dt>
          <dd>
            <Day value={exercise.startedAt} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Closed</dt>
          <dd>{exercise.closedAt ? <Day value={exercise.closedAt} /> : 'Still open'}</dd>
        </div>
        <div className="summary-list__row">
          <dt>“You said, we did”</dt>
          <dd>
            {exercise.youSaidWeDid ? (
              <>
                <a className="link" href={exercise.youSaidWeDid.url} rel="noreferrer">
                  The update<span className="visually-hidden"> for {exercise.title}</span>
                </a>
                , posted <Day value={exercise.youSaidWeDid.postedAt} />
              </>
            ) : (
              'Not posted yet'
            )}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Policy influence</dt>
          <dd>{level === null ? 'Not recorded yet' : influenceName(level)}</dd>
        </div>
        {nextFollowUp && (
          <div className="summary-list__row">
            <dt>Next follow-up</dt>
            <dd>
              {nextFollowUp.months} months, due <Day value={nextFollowUp.dueAt} />
            </dd>
          </div>
        )}
      </dl>
      {exercise.influence.length > 0 && (
        <>
          <h4 className="heading-s">Influence entries</h4>
          <ul className="record-list">
            {exercise.influence.map((entry, i) =>
              typeof mode === 'object' && mode.entry === entry.id ? (
                <li key={entry.id ?? i}>
                  <InfluenceForm exercise={exercise} entry={entry} onDone={done} />
                </li>
              ) : (
                <li key={entry.id ?? i}>
                  <p>
                    <strong>{influenceName(entry.level)}</strong>, recorded{' '}
                    <DateTime value={entry.recordedAt} />
                    {entry.note && `: ${entry.note}`}
                  </p>
                  {entry.evidence.length > 0 && (
                    <ul className="list list--bullet">
                      {entry.evidence.map((e) => (
                        <li key={e.url}>
                          <a className="link" href={e.url} rel="noreferrer">
                            {e.title}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                  {entry.id && (
                    <div className="button-group">
                      <Button variant="secondary" onClick={() => setMode({ entry: entry.id as string })}>
                        Change
                        <span className="visually-hidden"> the entry “{influenceName(entry.level)}”</span>
                      </Button>
                      <DeleteRecord
                        department={exercise.department}
                        path={recordPath('influence', entry.id)}
                        what={`the influence entry “${influenceName(entry.level)}”`}
                      />
                    </div>
                  )}
                </li>
              ),
            )}
          </ul>
        </>
      )}
      {mode === 'change' && (
        <ExerciseForm department={exercise.department} exercise={exercise} onDone={done} />
      )}
      {mode === 'close' && <CloseExerciseForm exercise={exercise} onDone={done} />}
      {mode === 'you-said-we-did' && <YouSaidWeDidForm exercise={exercise} onDone={done} />}
      {mode === 'influence' && <InfluenceForm exercise={exercise} onDone={done} />}
      {mode === 'view' && (
        <div className="button-group">
          <Button variant="secondary" onClick={() => setMode('influence')}>
            Record influence<span className="visually-hidden"> for {exercise.title}</span>
          </Button>
          <Button variant="secondary" onClick={() => setMode('close')}>
            {exercise.closedAt ? 'Change closing date' : 'Close exercise'}
            <span className="visually-hidden"> {exercise.title}</span>
          </Button>
          <Button variant="secondary" onClick={() => setMode('you-said-we-did')}>
            {exercise.youSaidWeDid ? 'Change “you said, we did”' : 'Add “you said, we did”'}
            <span className="visually-hidden"> for {exercise.title}</span>
          </Button>
          <Button variant="secondary" onClick={() => setMode('change')}>
            Change<span className="visually-hidden"> {exercise.title}</span>
          </Button>
          <DeleteRecord
            department={exercise.department}
            path={recordPath('exercises', exercise.id)}
            what={`the exercise “${exercise.title}”`}
            consequence="Its influence entries and follow-ups go with it; lessons about it stay, no longer linked to it. The audit log keeps a copy."
          />
        </div>
      )}
    </section>
  );
};
