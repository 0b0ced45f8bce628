import type { ConversationItem } from '@parley/contracts';
import { ConversationCard } from './conversation-card';

type ConversationListProps = { items: ConversationItem[]; department: string | null; now: Date };

export const ConversationList = ({ items, department, now }: ConversationListProps) => (
  <ol className="conversation-list" aria-label="Tagged conversations">
    {items.map((item) => (
      <li key={item.id}>
        <ConversationCard item={item} department={department} now={now} />
      </li>
    ))}
  </ol>
);
