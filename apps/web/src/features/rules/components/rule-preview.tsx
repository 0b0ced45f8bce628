import { Link } from 'react-router';
import type { PreviewResponse } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { previewSentence } from '../utils/preview';

export type PreviewState =
  | { kind: 'empty' }
  | { kind: 'checking' }
  | { kind: 'invalid'; message: string }
  | { kind: 'unavailable' }
  | { kind: 'ready'; result: PreviewResponse; updating: boolean };

type RulePreviewProps = { id: string; state: PreviewState };

/**
 * What the query would have caught. Only the outcome sits in the live region, so a screen reader hears one
 * sentence per pause in typing, not every "checking…".
 */
export const RulePreview = ({ id, state }: RulePreviewProps) => (
  <div
    id={id}
    className={`rule-preview${state.kind === 'ready' && state.updating ? ' rule-preview--updating' : ''}`}
  >
    <h2 className="rule-preview__title">Preview</h2>
    <p className="rule-preview__count" role="status" aria-live="polite">
      <PreviewOutcome state={state} />
    </p>
    {(state.kind === 'checking' || (state.kind === 'ready' && state.updating)) && (
      <p className="rule-preview__checking secondary-text">Checking the query…</p>
    )}
    {state.kind === 'ready' && state.result.sample.length > 0 && <PreviewSample result={state.result} />}
  </div>
);

const PreviewOutcome = ({ state }: { state: PreviewState }) => {
  switch (state.kind) {
    case 'empty':
      return <>Type a query to see how many conversations it would have matched in the last 30 days.</>;
    case 'checking':
      return null;
    case 'invalid':
      return (
        <>
          No preview until the problem with the query is fixed
          <span className="visually-hidden">: {state.message}</span>.
        </>
      );
    case 'unavailable':
      return <>The preview is not available at the moment. You can still save the rule.</>;
    case 'ready':
      return <strong>{previewSentence(state.result)}.</strong>;
  }
};

/** The api sends up to ten; five are enough to judge whether the query catches the right things. */
const SAMPLE_SIZE = 5;

// The sample opens in a new tab: following it in this one would lose the unsaved rule.
const PreviewSample = ({ result }: { result: PreviewResponse }) => (
  <>
    <h3 className="rule-preview__sample-title">Most recent matches</h3>
    <ul className="rule-preview__sample">
      {result.sample.slice(0, SAMPLE_SIZE).map((item) => (
        <li key={item.id}>
          <Link
            to={`/conversations/${encodeURIComponent(item.id)}`}
            className="link"
            target="_blank"
            rel="noreferrer"
          >
            {item.title || 'Untitled conversation'} (opens in new tab)
          </Link>
          <span className="rule-preview__meta">
            {item.source} · <DateTime value={item.lastActivityAt} variant="compact" />
          </span>
        </li>
      ))}
    </ul>
  </>
);
