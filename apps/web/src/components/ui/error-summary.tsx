import { useEffect, useId, useRef, type MouseEvent } from 'react';

export type ErrorSummaryItem = { text: string; href?: string };

type ErrorSummaryProps = { items: ErrorSummaryItem[]; title?: string };

/**
 * The GOV.UK pattern: a box at the top of the form, focused when it appears so screen readers announce it,
 * each problem linking to its field.
 */
export const ErrorSummary = ({ items, title = 'There is a problem' }: ErrorSummaryProps) => {
  const ref = useRef<HTMLDivElement>(null);
  // Unique per summary: a page may have two forms, each with its own.
  const titleId = useId();

  useEffect(() => {
    ref.current?.focus();
  }, [items]);

  if (items.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1}>
      <h2 id={titleId} className="error-summary__title">
        {title}
      </h2>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={`${item.href ?? ''}${item.text}`}>
            {item.href ? (
              <a href={item.href} onClick={focusField(item.href)}>
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
};

// A plain #fragment jump scrolls but (with a client-side router) may not move focus into the field.
const focusField = (href: string) => (event: MouseEvent<HTMLAnchorElement>) => {
  const field = document.getElementById(href.replace(/^#/, ''));
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
};
