import type { ConversationTag } from '@parley/contracts';
import { RouteBadge } from './route-badge';
import { ScoreMeter } from './score-meter';
import { SuggestedResources } from './suggested-resources';
import { TagReasons } from './tag-reasons';

type TagDetailsProps = { tags: ConversationTag[]; departmentName: (key: string) => string };

export const TagDetails = ({ tags, departmentName }: TagDetailsProps) => {
  if (tags.length === 0) return <p>This conversation is not tagged for any department you can see.</p>;
  return (
    <ul className="tag-details">
      {tags.map((tag) => (
        <li key={tag.department} className="tag-details__item">
          <h3 className="tag-details__department">{departmentName(tag.department)}</h3>
          <dl className="tag-details__facts">
            <div>
              <dt>Score</dt>
              <dd>
                <ScoreMeter score={tag.score} />
              </dd>
            </div>
            <div>
              <dt>Suggested route</dt>
              <dd>
                <RouteBadge route={tag.route} reason={tag.routeReason} />
              </dd>
            </div>
          </dl>
          <TagReasons tag={tag} headingLevel={4} />
          <SuggestedResources resources={tag.resources} />
        </li>
      ))}
    </ul>
  );
};
