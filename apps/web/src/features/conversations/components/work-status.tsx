import { useTranslation } from 'react-i18next';
import type { ConversationTag } from '@parley/contracts';
import { Tag } from '../../../components/ui/tag';
import { STATUS_TONES, assigneeText, dueText } from '../utils/work-labels';

type WorkStatusProps = { tag: ConversationTag; myId: string; now: Date };

/** Where the work stands, who has it and when the first response is due, in words. */
export const WorkStatus = ({ tag, myId, now }: WorkStatusProps) => {
  const { t } = useTranslation();
  const due = dueText(tag, now);
  return (
    <p className="work-status">
      <span className="visually-hidden">{t('card.statusPrefix')}</span>
      <Tag tone={STATUS_TONES[tag.status]}>{t(`status.${tag.status}`)}</Tag>
      <span className="work-status__assignee">{assigneeText(tag.assignee, myId)}</span>
      {due && (
        <span className={`work-status__due work-status__due--${tag.sla}`}>
          {tag.sla !== 'ok' && (
            <span className="work-status__icon" aria-hidden="true">
              !
            </span>
          )}
          {due}
        </span>
      )}
    </p>
  );
};
