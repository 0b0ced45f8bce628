import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useRuleVersions } from '../api/get-rule-versions';
import { RuleVersionsTable } from './rule-versions-table';

type RuleHistoryProps = { department: string; ruleKey: string };

export const RuleHistory = ({ department, ruleKey }: RuleHistoryProps) => {
  const versions = useRuleVersions(department, ruleKey);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="heading-m">
        Version history
      </h2>
      {versions.isPending ? (
        <Loading label="Loading the version history" />
      ) : versions.isError ? (
        <ErrorPanel
          title="The version history could not be loaded"
          error={versions.error}
          onRetry={() => void versions.refetch()}
        />
      ) : versions.data.length === 0 ? (
        <EmptyState title="No versions recorded">
          <p>This rule was added before Parley kept its history.</p>
        </EmptyState>
      ) : (
        <RuleVersionsTable versions={versions.data} now={new Date()} />
      )}
    </section>
  );
};
