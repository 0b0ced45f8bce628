import type { DraftFinding } from '@parley/contracts';
import { findingSegments } from '../utils/finding-segments';
import { findingLabel } from '../utils/finding-labels';

type HighlightedDraftProps = { id: string; text: string; findings: readonly DraftFinding[] };

/**
 * The draft as the checker read it, each finding marked and numbered as in the list below it. React elements
 * from plain text, never HTML. Shown beside the box rather than inside it, so the box stays an ordinary textarea
 * that every screen reader and spelling checker handles.
 */
export const HighlightedDraft = ({ id, text, findings }: HighlightedDraftProps) => (
  <div id={id} className="draft-highlighted">
    {findingSegments(text, findings).map((segment, position) =>
      segment.finding === null ? (
        segment.text
      ) : (
        <mark key={position} className="draft-highlighted__finding">
          {segment.text}
          <span className="visually-hidden">
            {' '}
            (finding {segment.finding + 1}: {findingLabel(findings[segment.finding].kind)})
          </span>
          <sup aria-hidden="true">{segment.finding + 1}</sup>
        </mark>
      ),
    )}
  </div>
);
