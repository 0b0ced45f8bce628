import { highlightSegments, type MatchTerms } from '../utils/highlight';

type HighlightedTextProps = { text: string; terms: MatchTerms };

/** Text with the words a rule matched in `<mark>`: React elements from plain text, never HTML. */
export const HighlightedText = ({ text, terms }: HighlightedTextProps) => (
  <>
    {highlightSegments(text, terms).map((segment, position) =>
      segment.marked ? (
        <mark key={position} className="highlight">
          {segment.text}
        </mark>
      ) : (
        segment.text
      ),
    )}
  </>
);
