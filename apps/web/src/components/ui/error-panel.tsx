import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';
import { i18n } from '../../lib/i18n';
import { Button } from './button';

type ErrorPanelProps = { title: string; error: unknown; onRetry?: () => void };

const describe = (error: unknown): string => {
  if (isApiError(error)) {
    if (error.status === 0 || error.status >= 500) {
      return i18n.t('common.serviceDown');
    }
    return error.message;
  }
  return i18n.t('common.unexpected');
};

/** A failed request said in words, with a way to try again; role=alert so it is announced as it appears. */
export const ErrorPanel = ({ title, error, onRetry }: ErrorPanelProps) => {
  const { t } = useTranslation();
  return (
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
          {t('common.tryAgain')}
        </Button>
      )}
    </div>
  );
};
