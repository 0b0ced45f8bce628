import type { ElectionPeriodView } from '@parley/contracts';
import { electionPeriodBannerText } from '../utils/election-period-text';

type ElectionPeriodBannerProps = { period: ElectionPeriodView | null };

/**
 * Across every page while an election period is in force. A landmark with a name, not an alert: it is there when
 * the page loads, and a screen reader finds it with the other regions rather than having it read out on each page.
 */
export const ElectionPeriodBanner = ({ period }: ElectionPeriodBannerProps) => {
  if (!period) return null;
  return (
    <section className="election-banner" aria-label="Election period">
      <div className="width-container">
        <p className="election-banner__text">
          <strong className="election-banner__label">Important</strong> {electionPeriodBannerText(period)}
        </p>
      </div>
    </section>
  );
};
