import type { Draft, DraftFinding } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextareaField } from '../../../components/ui/textarea-field';
import { formFailure, summaryOf } from '../../../lib/form-failure';
import { useProprietyCheck } from '../api/check-propriety';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDraftEditor } from '../hooks/use-draft-editor';
import { DRAFT_FIELDS } from '../utils/draft-failure';
import { AccountChoice } from './account-choice';
import { FindingsList } from './findings-list';
import { HighlightedDraft } from './highlighted-draft';
import { ResourceLinks } from './resource-links';

type DraftEditorProps = {
  draft: Draft;
  department: string;
  resources: readonly { title: string; url: string }[];
  onOverride: (finding: DraftFinding, reason: string) => void;
  overriding: boolean;
  overrideError: unknown;
  onSubmit: () => void;
  submitting: boolean;
  submitError: unknown;
};

const CHECK_DELAY_MS = 400;

/** Writing the reply: the checks run as the person pauses, on the text in the box, saved or not. */
export const DraftEditor = (props: DraftEditorProps) => {
  const { draft, department, resources } = props;
  const editor = useDraftEditor(draft);
  const checked = useDebouncedValue(editor.text, CHECK_DELAY_MS);
  const check = useProprietyCheck({ department, text: checked });
  // While the check catches up with the typing, the findings of the last check are shown against its own text.
  const findings = check.data?.findings ?? [];
  const checkedText = check.data ? checked : '';
  // While reviewers read it the text stays as submitted (the api refuses a save); an approved draft can still
  // change, and then needs clearance again.
  const inClearance = draft.status === 'in-clearance';
  const errors = [
    ...summaryOf(editor.failure, DRAFT_FIELDS),
    ...[props.overrideError, props.submitError]
      .filter(Boolean)
      .flatMap((error) => formFailure(error, [] as const).other.map((text) => ({ text }))),
  ];
  const insert = (link: string) =>
    editor.setText((text) => (text.trim() ? `${text.trimEnd()}\n${link}` : link));

  return (
    <div className="draft-editor">
      <ErrorSummary items={errors} />
      {editor.overtaken && (
        <div className="inset-text" role="status">
          <p>
            {draft.latest?.savedBy?.name ?? 'Someone'} saved version {draft.version} while you were writing.
          </p>
          <div className="button-group">
            <Button onClick={editor.keepMine} disabled={editor.saving}>
              Save my text after theirs
            </Button>
            <Button variant="secondary" onClick={editor.takeTheirs}>
              Use their version instead
            </Button>
          </div>
        </div>
      )}
      <AccountChoice
        accounts={draft.accounts}
        value={editor.account}
        onChange={editor.setAccount}
        disabled={inClearance}
      />
      <ResourceLinks resources={resources} onInsert={insert} disabled={inClearance} />
      <TextareaField
        id="draft-text"
        label="Your reply"
        hint={
          inClearance
            ? 'The draft is with its reviewers: it can be changed once they approve it or ask for changes.'
            : draft.status === 'approved'
              ? 'Approved as it stands. Saving a change sends it back for clearance.'
              : 'Checked for propriety as you type. Say who is speaking, and link to published information.'
        }
        readOnly={inClearance}
        rows={6}
        value={editor.text}
        error={editor.failure.fields['draft-text']}
        describedBy="draft-findings-summary"
        onChange={(event) => editor.setText(event.target.value)}
      />
      <p id="draft-findings-summary" className="secondary-text" role="status" aria-live="polite">
        {!editor.text.trim()
          ? 'Nothing to check yet.'
          : check.isError
            ? 'The checks are not available at the moment; they run again when the draft is saved.'
            : findings.length === 0
              ? 'The checks found nothing to look at.'
              : `The checks found ${findings.length} thing${findings.length === 1 ? '' : 's'} to look at, highlighted below.`}
      </p>
      {findings.length > 0 && (
        <>
          <HighlightedDraft id="draft-highlighted" text={checkedText} findings={findings} />
          <FindingsList
            findings={findings}
            overrides={draft.latest?.overrides ?? []}
            canOverride={!editor.unsaved && checkedText === (draft.latest?.text ?? '')}
            onOverride={props.onOverride}
            overriding={props.overriding}
          />
          {editor.unsaved && (
            <p className="secondary-text">Save the draft to set a finding aside with a reason.</p>
          )}
        </>
      )}
      <div className="button-group">
        {!inClearance && (
          <Button onClick={editor.save} disabled={editor.saving || !editor.unsaved}>
            {editor.saving ? 'Saving…' : 'Save draft'}
          </Button>
        )}
        {draft.version > 0 && draft.status === 'drafting' && (
          <Button variant="secondary" onClick={props.onSubmit} disabled={props.submitting || editor.unsaved}>
            Submit for clearance
          </Button>
        )}
      </div>
      {editor.unsaved && draft.version > 0 && draft.status === 'drafting' && (
        <p className="secondary-text">Save your changes before submitting the draft.</p>
      )}
    </div>
  );
};
