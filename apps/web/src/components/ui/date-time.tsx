import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDateTimeCompact, formatRelative } from '../../lib/format';

type DateTimeProps = {
  value: string | null;
  now?: Date;
  fallback?: string;
  /** `compact` shortens the exact time for table cells; the relative time is shown either way. */
  variant?: 'long' | 'compact';
};

/** Relative time for scanning, the exact UK time beside it for the record. */
export const DateTime = ({ value, now, fallback, variant = 'long' }: DateTimeProps) => {
  // Subscribed to the language, so the dates re-render in the new locale when it changes.
  const { t } = useTranslation();
  const exact = variant === 'compact' ? formatDateTimeCompact(value) : formatDateTime(value);
  if (!value || !exact) return <span className="secondary-text">{fallback ?? t('common.notKnown')}</span>;
  return (
    <time dateTime={value} className="date-time">
      <span className="date-time__relative">{formatRelative(value, now)}</span>{' '}
      <span className="date-time__exact">({exact})</span>
    </time>
  );
};
