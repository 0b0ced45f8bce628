import { formatDateTime, formatRelative } from '../../lib/format';

type DateTimeProps = { value: string | null; now?: Date; fallback?: string; variant?: 'both' | 'absolute' };

/** Relative time for scanning, the exact UK time beside it for the record. */
export const DateTime = ({ value, now, fallback = 'Not known', variant = 'both' }: DateTimeProps) => {
  const exact = formatDateTime(value);
  if (!value || !exact) return <span className="secondary-text">{fallback}</span>;
  if (variant === 'absolute') return <time dateTime={value}>{exact}</time>;
  return (
    <time dateTime={value} className="date-time">
      <span className="date-time__relative">{formatRelative(value, now)}</span>{' '}
      <span className="date-time__exact">({exact})</span>
    </time>
  );
};
