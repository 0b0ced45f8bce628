import type { ConversationTag } from '@parley/contracts';
import { safeExternalUrl } from '../../../lib/safe-url';

type SuggestedResourcesProps = { resources: ConversationTag['resources']; headingLevel?: 3 | 4 };

/**
 * The department's published material closest to the thread, best first: what a pointer or public-info reply
 * would link to. How close each is is said in words in the "Published material" reason, not as a score here.
 */
export const SuggestedResources = ({ resources, headingLevel = 4 }: SuggestedResourcesProps) => {
  if (resources.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="reasons">
      <Heading className="reasons__title">Suggested resources</Heading>
      <ul className="reasons__signals">
        {resources.map((resource) => {
          const href = safeExternalUrl(resource.url);
          return (
            <li key={resource.url}>
              {href ? (
                <a className="link" href={href} rel="noreferrer">
                  {resource.title}
                </a>
              ) : (
                resource.title
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
};
