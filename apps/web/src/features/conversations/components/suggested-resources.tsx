import type { ConversationTag } from '@parley/contracts';
import { safeExternalUrl } from '../../../lib/safe-url';

type SuggestedResourcesProps = { resources: ConversationTag['resources']; headingLevel?: 3 | 4 };

/** The department's published material closest to the thread: what a pointer or public-info reply would link to. */
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
              )}{' '}
              <span className="secondary-text">(similarity {Math.round(resource.similarity * 100)}%)</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
};
