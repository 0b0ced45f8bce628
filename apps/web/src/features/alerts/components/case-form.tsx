import { useState, type FormEvent } from 'react';
import './alerts.css';
import { Link } from 'react-router';
import type { ResistCase, ResistCaseFields } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { useSaveCase } from '../api/cases';
import { useFieldFailure } from '../hooks/use-field-failure';
import { IMPACT_WORDS, LIKELIHOOD_WORDS, RESIST_STAGE_FIELDS, scaleOption } from '../utils/resist-words';

export type LinkChoice = { id: string; label: string };

type CaseFormProps = {
  saved: ResistCase;
  /** Conversations that can be linked: those behind the alert, and any already linked. */
  conversations: LinkChoice[];
  objectives: LinkChoice[];
  lessons: LinkChoice[];
  canEdit: boolean;
};

type Field = keyof ResistCaseFields | 'status';
const FIELD_IDS: Record<Field, string> = {
  title: 'case-title',
  recognise: 'case-recognise',
  earlyWarning: 'case-earlyWarning',
  situationalInsight: 'case-situationalInsight',
  impactLikelihood: 'case-impactLikelihood',
  impactSeverity: 'case-impactSeverity',
  impactAnalysis: 'case-impactAnalysis',
  strategicCommunication: 'case-strategicCommunication',
  trackOutcomes: 'case-trackOutcomes',
  conversationIds: 'case-conversations',
  objectiveIds: 'case-objectives',
  lessonIds: 'case-lessons',
  status: 'case-status',
};

const fieldsOf = (c: ResistCase): ResistCaseFields & { status: ResistCase['status'] } => ({
  title: c.title,
  recognise: c.recognise,
  earlyWarning: c.earlyWarning,
  situationalInsight: c.situationalInsight,
  impactLikelihood: c.impactLikelihood,
  impactSeverity: c.impactSeverity,
  impactAnalysis: c.impactAnalysis,
  strategicCommunication: c.strategicCommunication,
  trackOutcomes: c.trackOutcomes,
  conversationIds: c.conversationIds,
  objectiveIds: c.objectiveIds,
  lessonIds: c.lessonIds,
  status: c.status,
});

const toggle = (ids: string[], id: string, on: boolean) =>
  on ? [...new Set([...ids, id])] : ids.filter((x) => x !== id);

type Links = 'conversationIds' | 'objectiveIds' | 'lessonIds';

const LinkGroup = ({
  field,
  legend,
  hint,
  choices,
  chosen,
  onChange,
  error,
  href,
}: {
  field: Links;
  legend: string;
  hint: string;
  choices: LinkChoice[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  href: (id: string) => string;
}) => (
  <fieldset className={`fieldset${error ? ' form-group--error' : ''}`} id={FIELD_IDS[field]} tabIndex={-1}>
    <legend className="fieldset__legend">{legend}</legend>
    <p className="hint">{hint}</p>
    {error && (
      <p className="error-message">
        <span className="visually-hidden">Error:</span> {error}
      </p>
    )}
    {choices.map((c) => (
      <div key={c.id} className="case-link">
        <Checkbox
          id={`${FIELD_IDS[field]}-${c.id}`}
          label={c.label}
          checked={chosen.includes(c.id)}
          onChange={(e) => onChange(toggle(chosen, c.id, e.target.checked))}
        />
        <Link className="link case-link__open" to={href(c.id)}>
          Open<span className="visually-hidden">: {c.label}</span>
        </Link>
      </div>
    ))}
  </fieldset>
);

/** The case's six RESIST 2 stages as labelled fields, its scores, and what it is linked to; saved in one go. */
export const CaseForm = ({ saved, conversations, objectives, lessons, canEdit }: CaseFormProps) => {
  const [draft, setDraft] = useState(() => fieldsOf(saved));
  const [savedCount, setSavedCount] = useState(0);
  const save = useSaveCase();
  const f = useFieldFailure(FIELD_IDS);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.title.trim()) return f.missing('title', 'Give the case a title');
    f.clear();
    save.mutate(
      { id: saved.id, change: { ...draft, title: draft.title.trim() } },
      { onSuccess: () => setSavedCount((n) => n + 1), onError: f.fromError },
    );
  };
  const evaluationHref = () => `/evaluation-records/${encodeURIComponent(saved.department)}`;
  return (
    <>
      {savedCount > 0 && (
        <NotificationBanner title="Success" focusKey={savedCount}>
          <p className="notification-banner__heading">The case is saved</p>
        </NotificationBanner>
      )}
      <ErrorSummary items={f.summary} />
      <form className="form" onSubmit={submit} noValidate aria-label="The RESIST case">
        {/* A reader of the department sees the case; only those who may act change it. */}
        <fieldset className="case-fields" disabled={!canEdit}>
          <TextField
            id={FIELD_IDS.title}
            label="Title"
            value={draft.title}
            onChange={(e) => set('title', e.target.value)}
            error={f.error('title')}
          />
          {RESIST_STAGE_FIELDS.map((stage) => (
            <div key={stage.field} className="case-stage">
              {stage.field === 'impactAnalysis' && (
                <div className="case-scores">
                  <SelectField
                    id={FIELD_IDS.impactLikelihood}
                    label="Likelihood"
                    value={draft.impactLikelihood === null ? '' : String(draft.impactLikelihood)}
                    onChange={(v) => set('impactLikelihood', v ? Number(v) : null)}
                    error={f.error('impactLikelihood')}
                  >
                    <option value="">Not judged yet</option>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option key={n} value={n}>
                        {scaleOption(LIKELIHOOD_WORDS, n)}
                      </option>
                    ))}
                  </SelectField>
                  <SelectField
                    id={FIELD_IDS.impactSeverity}
                    label="Impact"
                    value={draft.impactSeverity === null ? '' : String(draft.impactSeverity)}
                    onChange={(v) => set('impactSeverity', v ? Number(v) : null)}
                    error={f.error('impactSeverity')}
                  >
                    <option value="">Not judged yet</option>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option key={n} value={n}>
                        {scaleOption(IMPACT_WORDS, n)}
                      </option>
                    ))}
                  </SelectField>
                </div>
              )}
              <TextareaField
                id={FIELD_IDS[stage.field]}
                label={stage.label}
                hint={stage.hint}
                rows={4}
                value={draft[stage.field]}
                onChange={(e) => set(stage.field, e.target.value)}
                error={f.error(stage.field)}
              />
            </div>
          ))}
          <LinkGroup
            field="conversationIds"
            legend="Linked conversations"
            hint={
              conversations.length ? 'The conversations this case is about.' : 'No conversations to link yet.'
            }
            choices={conversations}
            chosen={draft.conversationIds}
            onChange={(ids) => set('conversationIds', ids)}
            error={f.error('conversationIds')}
            href={(id) => `/conversations/${encodeURIComponent(id)}`}
          />
          {objectives.length > 0 && (
            <LinkGroup
              field="objectiveIds"
              legend="Linked objectives"
              hint="The department’s objectives this case bears on."
              choices={objectives}
              chosen={draft.objectiveIds}
              onChange={(ids) => set('objectiveIds', ids)}
              error={f.error('objectiveIds')}
              href={evaluationHref}
            />
          )}
          {lessons.length > 0 && (
            <LinkGroup
              field="lessonIds"
              legend="Linked lessons"
              hint="Lessons recorded from this or earlier cases."
              choices={lessons}
              chosen={draft.lessonIds}
              onChange={(ids) => set('lessonIds', ids)}
              error={f.error('lessonIds')}
              href={evaluationHref}
            />
          )}
          <SelectField
            id={FIELD_IDS.status}
            label="Case status"
            value={draft.status}
            onChange={(v) => set('status', v as ResistCase['status'])}
            error={f.error('status')}
          >
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </SelectField>
        </fieldset>
        {canEdit && (
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save the case'}
          </Button>
        )}
      </form>
    </>
  );
};
