import type { ElectionPeriodView } from '@parley/contracts';
import { Tag } from '../../../components/ui/tag';

type ElectionPeriodMarkProps = { period: ElectionPeriodView };

/** Beside a proactive suggestion during an election period: the words say it, the colour only repeats them. */
export const ElectionPeriodMark = ({ period }: ElectionPeriodMarkProps) => (
  <div className="election-mark">
    <Tag tone="purple">Election period</Tag>
    <p className="election-mark__text">
      {period.name}: a proactive post needs a manager’s approval before it goes out.
    </p>
  </div>
);
