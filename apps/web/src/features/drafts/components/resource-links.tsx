import { safeExternalUrl } from '../../../lib/safe-url';
import { Button } from '../../../components/ui/button';

type Resource = { title: string; url: string };
type ResourceLinksProps = {
  resources: readonly Resource[];
  onInsert: (text: string) => void;
  disabled?: boolean;
};

/** The department's material closest to the thread, each one button away from being a link in the reply. */
export const ResourceLinks = ({ resources, onInsert, disabled = false }: ResourceLinksProps) => {
  const usable = resources.filter((r) => safeExternalUrl(r.url));
  if (usable.length === 0) return null;
  return (
    <div className="draft-resources">
      <h3 className="heading-s">Suggested resources</h3>
      <ul className="draft-resources__list">
        {usable.map((resource) => (
          <li key={resource.url}>
            <a className="link" href={safeExternalUrl(resource.url) ?? undefined} rel="noreferrer">
              {resource.title}
            </a>{' '}
            <Button
              variant="secondary"
              className="button--small"
              disabled={disabled}
              onClick={() => onInsert(`${resource.title}: ${resource.url}`)}
            >
              Insert link<span className="visually-hidden"> to {resource.title}</span>
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
};
