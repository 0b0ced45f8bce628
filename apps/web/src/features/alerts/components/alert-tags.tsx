import type { Alert } from '@parley/contracts';
import { Tag } from '../../../components/ui/tag';
import { severityInWords, severityTone, STATUS_WORDS } from '../utils/alert-words';

/** Severity and status, each in words; the colours only repeat them. */
export const AlertTags = ({ alert }: { alert: Pick<Alert, 'severity' | 'status'> }) => (
  <p className="alert-tags">
    <Tag tone={severityTone(alert.severity)}>{severityInWords(alert.severity)}</Tag>{' '}
    <Tag tone={STATUS_WORDS[alert.status].tone}>{STATUS_WORDS[alert.status].label}</Tag>
  </p>
);
