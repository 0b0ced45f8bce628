import { useState } from 'react';
import type { Exercise } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { recordPath, useChangeRecord } from '../api/change-record';
import { useRecordFailure } from '../utils/record-failure';
import { INFLUENCE_LEVELS, changedFields } from '../utils/record-words';
import { RecordForm } from './record-form';

type Entry = Exercise['influence'][number];
type Evidence = { title: string; url: string };

// The api names an evidence link's problem by its place in the list: `evidence[1].url`; an entry has at most 20.
const FIELDS = [
  'level',
  'note',
  'evidence',
  ...Array.from({ length: 20 }, (_e, i) => [`evidence[${i}].title`, `evidence[${i}].url`]).flat(),
];

type InfluenceFormProps = {
  exercise: Exercise;
  entry?: Entry;
  /** The follow-up this entry records, for the form's title. */
  followUpMonths?: number;
  onDone?: () => void;
};

/** What the exercise changed in policy: a level on Sciencewise's scale, a note and links to the evidence. */
export const InfluenceForm = ({ exercise, entry, followUpMonths, onDone }: InfluenceFormProps) => {
  const initial = {
    level: entry ? String(entry.level) : '',
    note: entry?.note ?? '',
    evidence: entry?.evidence ?? [],
  };
  const [fields, setFields] = useState(initial);
  const save = useChangeRecord(exercise.department, {
    onSuccess: () => {
      setFields(initial);
      onDone?.();
    },
  });
  const id = entry?.id ? `influence-${entry.id}` : `influence-new-${exercise.id}`;
  const { errorOf, summary } = useRecordFailure(save.error, id, FIELDS);
  const body = {
    level: fields.level === '' ? undefined : Number(fields.level),
    note: fields.note,
    evidence: fields.evidence,
  };
  const submit = () =>
    entry?.id
      ? save.mutate({
          method: 'PATCH',
          path: recordPath('influence', entry.id),
          body: changedFields({ ...initial, level: entry.level }, body),
        })
      : save.mutate({ method: 'POST', path: recordPath('exercises', exercise.id, 'influence'), body });
  const setEvidence = (evidence: Evidence[]) => setFields({ ...fields, evidence });
  const title = entry
    ? `Change the influence entry for “${exercise.title}”`
    : followUpMonths
      ? `Record the ${followUpMonths}-month follow-up of “${exercise.title}”`
      : `Record policy influence for “${exercise.title}”`;
  return (
    <RecordForm
      id={id}
      title={title}
      summary={summary}
      submitLabel={entry ? 'Save changes' : 'Record influence'}
      busy={save.isPending}
      onSubmit={submit}
      onCancel={onDone}
    >
      <div className={`form-group${errorOf('level') ? ' form-group--error' : ''}`}>
        <fieldset
          className="fieldset"
          id={`${id}-level`}
          tabIndex={-1}
          aria-describedby={errorOf('level') ? `${id}-level-error` : undefined}
        >
          <legend className="fieldset__legend">What has the exercise changed in policy?</legend>
          {errorOf('level') && (
            <p id={`${id}-level-error`} className="error-message">
              <span className="visually-hidden">Error:</span> {errorOf('level')}
            </p>
          )}
          {INFLUENCE_LEVELS.map((l) => (
            <div className="checkbox" key={l.level}>
              <input
                id={`${id}-level-${l.level}`}
                className="checkbox__input"
                type="radio"
                name={`${id}-level`}
                value={l.level}
                checked={fields.level === String(l.level)}
                onChange={() => setFields({ ...fields, level: String(l.level) })}
                aria-describedby={`${id}-level-${l.level}-hint`}
              />
              <label className="checkbox__label" htmlFor={`${id}-level-${l.level}`}>
                {l.name}
              </label>
              <p id={`${id}-level-${l.level}-hint`} className="hint checkbox__hint">
                {l.hint}
              </p>
            </div>
          ))}
        </fieldset>
      </div>
      <TextareaField
        id={`${id}-note`}
        label="Note (optional)"
        hint="What happened, and who told you"
        rows={3}
        value={fields.note}
        onChange={(e) => setFields({ ...fields, note: e.target.value })}
        error={errorOf('note')}
      />
      <fieldset className="fieldset" id={`${id}-evidence`} tabIndex={-1}>
        <legend className="fieldset__legend">Evidence</legend>
        {errorOf('evidence') && (
          <p className="error-message">
            <span className="visually-hidden">Error:</span> {errorOf('evidence')}
          </p>
        )}
        {fields.evidence.length === 0 && (
          <p className="hint">No evidence links yet. Add one for each document that shows it.</p>
        )}
        {fields.evidence.map((e, i) => (
          <div key={i} className="inset-text">
            <TextField
              id={`${id}-evidence[${i}].title`}
              label={`Evidence ${i + 1}: title`}
              value={e.title}
              onChange={(event) =>
                setEvidence(
                  fields.evidence.map((x, j) => (j === i ? { ...x, title: event.target.value } : x)),
                )
              }
              error={errorOf(`evidence[${i}].title`)}
            />
            <TextField
              id={`${id}-evidence[${i}].url`}
              label={`Evidence ${i + 1}: link`}
              hint="Starting https://, such as a page on GOV.UK"
              inputMode="url"
              value={e.url}
              onChange={(event) =>
                setEvidence(fields.evidence.map((x, j) => (j === i ? { ...x, url: event.target.value } : x)))
              }
              error={errorOf(`evidence[${i}].url`)}
            />
            <Button
              variant="secondary"
              onClick={() => setEvidence(fields.evidence.filter((_x, j) => j !== i))}
            >
              Remove evidence {i + 1}
            </Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => setEvidence([...fields.evidence, { title: '', url: '' }])}>
          Add an evidence link
        </Button>
      </fieldset>
    </RecordForm>
  );
};
