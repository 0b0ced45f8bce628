import type { DraftFinding, DraftOverride } from '@parley/contracts';
import { Tag } from '../../../components/ui/tag';
import { findingLabel } from '../utils/finding-labels';
import { OverrideForm } from './override-form';

type FindingsListProps = {
  findings: readonly DraftFinding[];
  /** Set-aside findings of the saved version. */
  overrides: readonly DraftOverride[];
  /** Findings can be set aside only as saved (the text in the box is the saved version); reviewers only read. */
  canOverride?: boolean;
  onOverride?: (finding: DraftFinding, reason: string) => void;
  overriding?: boolean;
};

const sameSpan = (a: DraftFinding, b: DraftOverride) =>
  a.kind === b.kind && a.start === b.start && a.end === b.end;

/** Each finding: what it is, why it matters, and what to do, with a way to set it aside for a stated reason. */
export const FindingsList = ({
  findings,
  overrides,
  canOverride = false,
  onOverride,
  overriding = false,
}: FindingsListProps) => {
  if (findings.length === 0) {
    return <p className="draft-findings__none">The checks found nothing to look at in this draft.</p>;
  }
  return (
    <ol className="draft-findings">
      {findings.map((finding, index) => {
        const override = overrides.find((o) => sameSpan(finding, o));
        return (
          <li key={`${finding.kind}-${finding.start}-${finding.end}`} className="draft-findings__item">
            <p>
              <Tag tone={override ? 'grey' : 'orange'}>{findingLabel(finding.kind)}</Tag>{' '}
              <span className="draft-findings__quote">“{finding.text}”</span>
            </p>
            <p>{finding.message}</p>
            <p>
              <strong>What to do:</strong> {finding.advice}
            </p>
            {override ? (
              <p className="secondary-text">
                Set aside by {override.by?.name ?? 'someone no longer in Parley'}: {override.reason}
              </p>
            ) : canOverride && onOverride ? (
              <OverrideForm
                id={`override-${index}`}
                disabled={overriding}
                onSubmit={(reason) => onOverride(finding, reason)}
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
};
