import { useEffect, useId, useRef, type ReactNode } from 'react';

type NotificationBannerProps = { title: string; children: ReactNode; focusKey?: string | number };

/**
 * The GOV.UK success banner: it says the thing the person did has worked. It takes focus when it appears (and
 * again when `focusKey` changes, after a second save) so screen readers announce it.
 */
export const NotificationBanner = ({ title, children, focusKey }: NotificationBannerProps) => {
  const ref = useRef<HTMLDivElement>(null);
  // Unique per banner: a page may show two at once (one per form).
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <div
      ref={ref}
      className="notification-banner notification-banner--success"
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <div className="notification-banner__header">
        <h2 id={titleId} className="notification-banner__title">
          {title}
        </h2>
      </div>
      <div className="notification-banner__content">{children}</div>
    </div>
  );
};
