import { Link } from 'react-router';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { rulesPath } from '../utils/rules-params';
import { BackfillProgress } from './backfill-progress';

type SavedBannerProps = { department: string; ruleName: string; version: number; backfill: string };

/** Success, then the re-tagging it set off (outside the banner, whose alert role would announce every tick). */
export const SavedBanner = ({ department, ruleName, version, backfill }: SavedBannerProps) => (
  <>
    <NotificationBanner title="Success" focusKey={backfill}>
      <p className="notification-banner__heading">
        {ruleName} saved as version {version}
      </p>
      <p>
        It tags new posts from now on. Recent conversations are being re-tagged, below.{' '}
        <Link to={rulesPath(department)} className="link">
          Back to all rules
        </Link>
      </p>
    </NotificationBanner>
    <BackfillProgress id={backfill} />
  </>
);
