import { useTranslation } from 'react-i18next';

type LoadingProps = { label?: string };

/** A polite live region: screen readers hear that something is happening without losing their place. */
export const Loading = ({ label }: LoadingProps) => {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="loading__dots" aria-hidden="true" />
      {label ?? t('common.loading')}…
    </p>
  );
};
