import { useState, type ReactNode } from 'react';
import type { EvaluationRecords, InputCost, Lesson, Survey } from '@parley/contracts';
import { metricDefinition, isMetricId } from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { recordPath } from '../api/change-record';
import { useEvaluationRecords } from '../api/get-evaluation-records';
import { costPerEngagementWords, dayOf, formatPounds, surveyWords } from '../utils/record-words';
import { CostForm } from './cost-form';
import { Day } from './day';
import { DeleteRecord } from './delete-record';
import { ExerciseCard } from './exercise-card';
import { ExerciseForm } from './exercise-form';
import { FollowUpsDue } from './follow-ups-due';
import { LessonForm } from './lesson-form';
import { ObjectiveForm } from './objective-form';
import { SurveyForm } from './survey-form';

const metricName = (id: string) => (isMetricId(id) ? metricDefinition(id).name : id);

/**
 * A kind of record: its heading, what it is for, the records (or why there are none) and a form to add one. Once a
 * record is added the form folds away, empty, and focus goes back to its summary, with the news for screen readers.
 */
const Section = ({
  id,
  title,
  about,
  empty,
  addLabel,
  form,
  children,
}: {
  id: string;
  title: string;
  about: string;
  empty: string | null;
  addLabel: string;
  form: (added: () => void) => ReactNode;
  children?: ReactNode;
}) => {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  const [added, setAdded] = useState(false);
  const onAdded = () => {
    setOpen(false);
    setRound((r) => r + 1);
    setAdded(true);
    document.getElementById(`${id}-add`)?.focus();
  };
  return (
    <section className="records-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="heading-m">
        {title}
      </h2>
      <p className="secondary-text">{about}</p>
      {empty ? <p className="records-section__empty">{empty}</p> : children}
      <details
        className="details"
        open={open}
        onToggle={(event) => {
          setOpen(event.currentTarget.open);
          if (event.currentTarget.open) setAdded(false);
        }}
      >
        <summary id={`${id}-add`} className="details__summary">
          {addLabel}
        </summary>
        <div key={round}>{open && form(onAdded)}</div>
      </details>
      <p role="status" className="visually-hidden">
        {added ? 'Added. It is in the list above.' : ''}
      </p>
    </section>
  );
};

/** A record as a line of text with its change and delete buttons; changing swaps the line for its form. */
const RecordItem = ({
  name,
  department,
  path,
  consequence,
  children,
  form,
}: {
  name: string;
  department: string;
  path: string;
  /** What else deleting it changes, when more than the record goes. */
  consequence?: string;
  children: ReactNode;
  form: (done: () => void) => ReactNode;
}) => {
  const [changing, setChanging] = useState(false);
  return (
    <li>
      {changing ? (
        form(() => setChanging(false))
      ) : (
        <>
          {children}
          <div className="button-group">
            <Button variant="secondary" onClick={() => setChanging(true)}>
              Change<span className="visually-hidden"> {name}</span>
            </Button>
            <DeleteRecord department={department} path={path} what={name} consequence={consequence} />
          </div>
        </>
      )}
    </li>
  );
};

const LessonText = ({ lesson, records }: { lesson: Lesson; records: EvaluationRecords }) => {
  const exercise = records.exercises.find((e) => e.id === lesson.exerciseId);
  const links = [
    lesson.conversationIds.length > 0 &&
      `${lesson.conversationIds.length} conversation${lesson.conversationIds.length === 1 ? '' : 's'}`,
    lesson.engagementIds.length > 0 &&
      `${lesson.engagementIds.length} engagement${lesson.engagementIds.length === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return (
    <>
      <p>{lesson.text}</p>
      <p className="secondary-text">
        Recorded <DateTime value={lesson.recordedAt} />
        {exercise && `, from “${exercise.title}”`}
        {links.length > 0 && `; linked to ${links.join(' and ')}`}.
        {lesson.conversationIds.length > 0 && (
          <>
            {' '}
            {lesson.conversationIds.map((c, i) => (
              <span key={c}>
                {i > 0 && ', '}
                <a className="link" href={`/conversations/${encodeURIComponent(c)}`}>
                  Conversation {c}
                </a>
              </span>
            ))}
          </>
        )}
      </p>
    </>
  );
};

const SurveyText = ({ survey }: { survey: Survey }) => (
  <>
    <p>
      <strong>“{survey.question}”</strong> ({survey.method}, <Day value={survey.surveyedAt} />)
    </p>
    <p>{surveyWords(survey)}</p>
  </>
);

const CostText = ({ cost }: { cost: InputCost }) => (
  <>
    <p>
      <strong>
        <Day value={cost.from} /> until <Day value={cost.to} />
      </strong>
      : {cost.staffHours.toLocaleString('en-GB')} staff hours at {formatPounds(cost.hourlyRate)} an hour, plus{' '}
      {formatPounds(cost.toolCost)} for tools.
    </p>
    <p>{costPerEngagementWords(cost)}</p>
  </>
);

const Lists = ({ records }: { records: EvaluationRecords }) => {
  const department = records.department;
  return (
    <>
      <Section
        id="objectives"
        title="Objectives"
        about="What the department sets out to change, for whom, and how it is measured."
        empty={records.objectives.length === 0 ? 'No objectives yet.' : null}
        addLabel="Add an objective"
        form={(added) => <ObjectiveForm department={department} onDone={added} />}
      >
        <ul className="record-list">
          {records.objectives.map((o) => (
            <RecordItem
              key={o.id}
              name={`the objective “${o.description}”`}
              department={department}
              path={recordPath('objectives', o.id)}
              consequence="Surveys that measure it stay, no longer linked to it. The audit log keeps a copy."
              form={(done) => <ObjectiveForm department={department} objective={o} onDone={done} />}
            >
              <p>
                {o.description} ({o.audience}): {metricName(o.metric)}, baseline {o.baseline ?? 'not set'},
                target {o.target ?? 'not set'}, <Day value={o.from} /> until <Day value={o.to} />.
              </p>
            </RecordItem>
          ))}
        </ul>
      </Section>
      <Section
        id="exercises"
        title="Engagement exercises"
        about="Consultations, campaigns and topics the department took part in: close each one, say what it changed, and post a “you said, we did” update."
        empty={
          records.exercises.length === 0
            ? 'No exercises yet. Add one when an engagement exercise starts.'
            : null
        }
        addLabel="Add an exercise"
        form={(added) => <ExerciseForm department={department} onDone={added} />}
      >
        {records.exercises.map((e) => (
          <ExerciseCard key={e.id} exercise={e} />
        ))}
      </Section>
      <Section
        id="lessons"
        title="What did not work"
        about="Lessons from the department’s engagement, linked to the conversations and engagements they are about."
        empty={records.lessons.length === 0 ? 'No lessons recorded yet.' : null}
        addLabel="Add a lesson"
        form={(added) => <LessonForm department={department} exercises={records.exercises} onDone={added} />}
      >
        <ul className="record-list">
          {records.lessons.map((l) => (
            <RecordItem
              key={l.id}
              name={`the lesson “${l.text.slice(0, 40)}${l.text.length > 40 ? '…' : ''}”`}
              department={department}
              path={recordPath('lessons', l.id)}
              form={(done) => (
                <LessonForm department={department} exercises={records.exercises} lesson={l} onDone={done} />
              )}
            >
              <LessonText lesson={l} records={records} />
            </RecordItem>
          ))}
        </ul>
      </Section>
      <Section
        id="surveys"
        title="Surveyed outcomes"
        about="How many people agreed with a statement before and after, and whether the change is more than chance."
        empty={records.surveys.length === 0 ? 'No surveys yet.' : null}
        addLabel="Add a surveyed outcome"
        form={(added) => (
          <SurveyForm department={department} objectives={records.objectives} onDone={added} />
        )}
      >
        <ul className="record-list">
          {records.surveys.map((s) => (
            <RecordItem
              key={s.id}
              name={`the survey “${s.question}”`}
              department={department}
              path={recordPath('surveys', s.id)}
              form={(done) => (
                <SurveyForm
                  department={department}
                  objectives={records.objectives}
                  survey={s}
                  onDone={done}
                />
              )}
            >
              <SurveyText survey={s} />
            </RecordItem>
          ))}
        </ul>
      </Section>
      <Section
        id="costs"
        title="Input costs"
        about="What engagement cost the department, period by period, and so what each engagement cost."
        empty={records.costs.length === 0 ? 'No costs yet.' : null}
        addLabel="Add an input cost"
        form={(added) => <CostForm department={department} onDone={added} />}
      >
        <ul className="record-list">
          {records.costs.map((c) => (
            <RecordItem
              key={c.id}
              name={`the cost for ${dayOf(c.from)} to ${dayOf(c.to)}`}
              department={department}
              path={recordPath('costs', c.id)}
              form={(done) => <CostForm department={department} cost={c} onDone={done} />}
            >
              <CostText cost={c} />
            </RecordItem>
          ))}
        </ul>
      </Section>
    </>
  );
};

/** A department's evaluation records: follow-ups due first, then each kind of record. */
export const EvaluationRecordsPage = ({ department }: { department: string }) => {
  const records = useEvaluationRecords(department);
  if (records.isPending) return <Loading label="Loading the evaluation records" />;
  if (records.isError)
    return (
      <ErrorPanel
        title="The evaluation records could not be loaded"
        error={records.error}
        onRetry={() => void records.refetch()}
      />
    );
  return (
    <div className="records-page">
      <FollowUpsDue items={records.data.followUpsDue ?? []} exercises={records.data.exercises} />
      <Lists records={records.data} />
    </div>
  );
};

export const NoEvaluationAccess = () => (
  <EmptyState title="You cannot see evaluation records">
    <p>A department’s policy officials, managers and admins read and record its evaluation.</p>
  </EmptyState>
);
