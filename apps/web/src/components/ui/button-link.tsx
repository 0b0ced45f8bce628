import type { ReactNode } from 'react';
import { Link } from 'react-router';

type ButtonLinkProps = { to: string; variant?: 'primary' | 'secondary'; children: ReactNode };

/** A link that starts something (New rule): it goes somewhere, so it stays a link, styled as a button. */
export const ButtonLink = ({ to, variant = 'primary', children }: ButtonLinkProps) => (
  <Link to={to} className={`button button--${variant}`} draggable={false}>
    {children}
  </Link>
);
