import { isApiError } from '../../lib/api-client';
import { Button } from './button';

type ErrorPanelProps = { title: string; error: unknown; onRetry?: () => void };

const describe = (error: unknown): string => {
  if (isApiError(error)) {
    if (error.status === 0 || error.status >= 500) {
      return 'Parley’s service is not responding at the moment. Try again in a few minutes.';
    }
    return error.message;
  }
  return 'Something unexpected went wrong. Try again.';
};

/** A failed request said in words, with a way to try again; role=alert so it is announced as it appears. */
export const ErrorPanel = ({ title, error, onRetry }: ErrorPanelProps) => (
  <div className="error-panel" role="alert">
    <h2 className="error-panel__title">
      <span className="error-panel__icon" aria-hidden="true">
        !
      </span>
      {title}
    </h2>
    <p>{describe(error)}</p>
    {onRetry && (
      <Button variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    )}
  </div>
);
