import type { ReactNode } from 'react';

type EmptyStateProps = { title: string; children: ReactNode };

export const EmptyState = ({ title, children }: EmptyStateProps) => (
  <div className="empty-state">
    <h2 className="empty-state__title">{title}</h2>
    {children}
  </div>
);
