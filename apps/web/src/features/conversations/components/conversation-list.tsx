import type { ReactNode } from 'react';
import type { ConversationItem } from '@parley/contracts';
import { ConversationCard } from './conversation-card';

type ConversationListProps = {
  items: ConversationItem[];
  department: string | null;
  now: Date;
  /** Shown beside each proactive suggestion (an election period in force). */
  proactiveMark?: ReactNode;
};

export const ConversationList = ({ items, department, now, proactiveMark }: ConversationListProps) => (
  <ol className="conversation-list" aria-label="Tagged conversations">
    {items.map((item) => (
      <li key={item.id}>
        <ConversationCard item={item} department={department} now={now} proactiveMark={proactiveMark} />
      </li>
    ))}
  </ol>
);
