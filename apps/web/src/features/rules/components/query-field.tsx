import { useRef } from 'react';
import { TextareaField } from '../../../components/ui/textarea-field';
import { usePreview } from '../api/preview-rule';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { queryProblem } from '../utils/preview';
import { positionInMessage } from '../utils/query-position';
import { QueryCaret } from './query-caret';
import { RulePreview, type PreviewState } from './rule-preview';
import { SyntaxHelp } from './syntax-help';

export const PREVIEW_DEBOUNCE_MS = 400;

type QueryFieldProps = {
  department: string;
  value: string;
  onChange: (value: string) => void;
  /** An error from the last save attempt; otherwise the live check's error shows. */
  error?: string;
};

/** The query, checked and previewed against the last 30 days as it is typed. */
export const QueryField = ({ department, value, onChange, error }: QueryFieldProps) => {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const typed = value.trim();
  const checked = useDebouncedValue(typed, PREVIEW_DEBOUNCE_MS);
  const preview = usePreview({ department, query: checked });
  const liveError = checked && preview.isError ? queryProblem(preview.error) : null;
  // A live error about an earlier version of the query is not shown once the query has changed.
  const shownError = error ?? (typed === checked ? liveError : null) ?? undefined;
  // Positions count from the start of the query as checked (trimmed, as the api trims it).
  const position = shownError ? positionInMessage(shownError) : null;
  const caretQuery = error ? typed : checked;

  const state = previewState({ typed, checked, preview, liveError });
  const showAt = (at: number) => {
    const offset = value.length - value.trimStart().length + at;
    textarea.current?.focus();
    textarea.current?.setSelectionRange(offset, Math.min(offset + 1, value.length));
  };

  return (
    <>
      <TextareaField
        id="query"
        label="Query"
        hint="Words to look for. Put phrases in quotes; combine with AND, OR, NOT and brackets. Case and word endings are ignored."
        textareaRef={textarea}
        className="textarea--code"
        rows={4}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={shownError}
        errorBelow
        describedBy={position !== null ? 'query-caret' : undefined}
      >
        {position !== null && (
          <QueryCaret
            id="query-caret"
            query={caretQuery}
            position={position}
            onShow={() => showAt(position)}
          />
        )}
      </TextareaField>
      <RulePreview id="query-preview" state={state} />
      <SyntaxHelp />
    </>
  );
};

type PreviewInput = {
  typed: string;
  checked: string;
  preview: ReturnType<typeof usePreview>;
  liveError: string | null;
};

const previewState = ({ typed, checked, preview, liveError }: PreviewInput): PreviewState => {
  if (!typed) return { kind: 'empty' };
  const settling = typed !== checked || preview.isFetching;
  if (liveError) return settling ? { kind: 'checking' } : { kind: 'invalid', message: liveError };
  if (preview.isError) return { kind: 'unavailable' };
  if (preview.data) return { kind: 'ready', result: preview.data, updating: settling };
  return { kind: 'checking' };
};
