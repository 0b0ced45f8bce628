import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

type BulkActionsProps = {
  selected: number;
  shown: number;
  busy: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onAssignToMe: () => void;
  onDecline: () => void;
};

/** What can be done to the selected conversations at once; the count is announced as it changes. */
export const BulkActions = ({
  selected,
  shown,
  busy,
  onSelectAll,
  onClear,
  onAssignToMe,
  onDecline,
}: BulkActionsProps) => {
  const { t } = useTranslation();
  return (
    <section className="bulk-actions" aria-label={t('bulk.label')}>
      <p className="bulk-actions__count" role="status" aria-live="polite">
        {selected === 0 ? t('bulk.none') : t('bulk.selected', { count: selected })}
      </p>
      <div className="button-group">
        <Button variant="secondary" onClick={onAssignToMe} disabled={busy || selected === 0}>
          {t('bulk.assignToMe')}
        </Button>
        <Button variant="secondary" onClick={onDecline} disabled={busy || selected === 0}>
          {t('bulk.decline')}
        </Button>
        {selected < shown ? (
          <Button variant="link" onClick={onSelectAll} disabled={busy}>
            {t('bulk.selectAll', { count: shown })}
          </Button>
        ) : null}
        {selected > 0 && (
          <Button variant="link" onClick={onClear} disabled={busy}>
            {t('bulk.clear')}
          </Button>
        )}
      </div>
    </section>
  );
};
