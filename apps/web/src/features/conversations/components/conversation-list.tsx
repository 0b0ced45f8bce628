import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationItem } from '@parley/contracts';
import { ConversationCard } from './conversation-card';

type ConversationListProps = {
  items: ConversationItem[];
  department: string | null;
  now: Date;
  myId: string;
  /** Index of the card the keyboard shortcuts act on, if any. */
  current?: number | null;
  /** Ids of the selected conversations; without it, nothing can be selected. */
  selected?: ReadonlySet<string>;
  onSelect?: (id: string, selected: boolean) => void;
  /** Which cards can be chosen (work that is finished cannot be assigned or declined). */
  canSelect?: (item: ConversationItem) => boolean;
  /** Shown beside each proactive suggestion (an election period in force). */
  proactiveMark?: ReactNode;
};

export const ConversationList = ({
  items,
  department,
  now,
  myId,
  current = null,
  selected,
  onSelect,
  canSelect = () => true,
  proactiveMark,
}: ConversationListProps) => {
  const { t } = useTranslation();
  return (
    <ol className="conversation-list" aria-label={t('inbox.list')}>
      {items.map((item, index) => (
        <li key={item.id}>
          <ConversationCard
            item={item}
            department={department}
            now={now}
            myId={myId}
            proactiveMark={proactiveMark}
            current={index === current}
            selection={
              selected && onSelect && canSelect(item)
                ? { selected: selected.has(item.id), onChange: (on) => onSelect(item.id, on) }
                : undefined
            }
          />
        </li>
      ))}
    </ol>
  );
};
