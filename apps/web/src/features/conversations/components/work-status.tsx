import type { ConversationTag } from '@parley/contracts';
import { STATUS_LABELS } from '@parley/domain';
import { Tag } from '../../../components/ui/tag';
import { STATUS_TONES, assigneeText, dueText } from '../utils/work-labels';

type WorkStatusProps = { tag: ConversationTag; myId: string; now: Date };

/** Where the work stands, who has it and when the first response is due, in words. */
export const WorkStatus = ({ tag, myId, now }: WorkStatusProps) => {
  const due = dueText(tag, now);
  return (
    <p className="work-status">
      <span className="visually-hidden">Status: </span>
      <Tag tone={STATUS_TONES[tag.status]}>{STATUS_LABELS[tag.status]}</Tag>
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
