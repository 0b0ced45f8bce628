import { useState } from 'react';
import type { DraftVersion } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useDraftDiff } from '../api/get-draft-diff';
import { useDraftVersions } from '../api/get-draft-versions';

type VersionHistoryProps = { opportunityId: string };

/** Every saved version, and what changed between any two of them, word by word. */
export const VersionHistory = ({ opportunityId }: VersionHistoryProps) => {
  const versions = useDraftVersions(opportunityId);
  if (versions.isPending) return <Loading label="Loading the versions" />;
  if (versions.isError) {
    return (
      <ErrorPanel
        title="The versions could not be loaded"
        error={versions.error}
        onRetry={() => void versions.refetch()}
      />
    );
  }
  if (versions.data.length === 0) return <p className="secondary-text">No version saved yet.</p>;
  return <Versions opportunityId={opportunityId} versions={versions.data} />;
};

const Versions = ({ opportunityId, versions }: { opportunityId: string; versions: DraftVersion[] }) => {
  const latest = versions[0].version;
  const [range, setRange] = useState({ from: Math.max(0, latest - 1), to: latest });
  const options = [...versions.map((v) => v.version), 0];
  return (
    <>
      <table className="table table--compact">
        <caption className="table__caption visually-hidden">
          Saved versions of the draft, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved by</th>
            <th scope="col">When</th>
            <th scope="col">Findings</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>{v.savedBy?.name ?? 'Someone no longer in Parley'}</td>
              <td>
                <DateTime value={v.savedAt} variant="compact" />
              </td>
              <td>
                {v.findings.length}
                {v.overrides.length > 0 && ` (${v.overrides.length} set aside)`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset className="draft-compare">
        <legend>Compare two versions</legend>
        {(['from', 'to'] as const).map((end) => (
          <span key={end} className="draft-compare__end">
            <label className="label" htmlFor={`draft-compare-${end}`}>
              {end === 'from' ? 'From version' : 'To version'}
            </label>
            <select
              id={`draft-compare-${end}`}
              className="select"
              value={range[end]}
              onChange={(event) => setRange((r) => ({ ...r, [end]: Number(event.target.value) }))}
            >
              {options.map((n) => (
                <option key={n} value={n}>
                  {n === 0 ? 'Nothing (before the first)' : `Version ${n}`}
                </option>
              ))}
            </select>
          </span>
        ))}
      </fieldset>
      <DiffView opportunityId={opportunityId} from={range.from} to={range.to} />
    </>
  );
};

const DiffView = ({ opportunityId, from, to }: { opportunityId: string; from: number; to: number }) => {
  const diff = useDraftDiff({ opportunityId, from, to });
  if (diff.isPending) return <Loading label="Comparing the versions" />;
  if (diff.isError) return <ErrorPanel title="The versions could not be compared" error={diff.error} />;
  return (
    <div className="draft-diff" aria-label={`Changes from version ${from} to version ${to}`} role="region">
      {diff.data.parts.map((part, index) =>
        part.change === 'added' ? (
          <ins key={index}>
            <span className="visually-hidden">[added: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.change === 'removed' ? (
          <del key={index}>
            <span className="visually-hidden">[removed: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </div>
  );
};
