import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ErrorPanel } from '../../../components/ui/error-panel';
import type { usePersonRequests } from '../hooks/use-person-requests';
import { PeopleOutcomeBanner } from './people-outcome';

/** How the last request went (a banner or an error), and the question before a destructive one. */
export const RequestFeedback = ({ requests }: { requests: ReturnType<typeof usePersonRequests> }) => {
  const { outcome, failure, confirmation } = requests;
  return (
    <>
      {outcome && <PeopleOutcomeBanner outcome={outcome.outcome} focusKey={outcome.key} />}
      {failure !== null && <ErrorPanel title="That was not done" error={failure} />}
      <ConfirmDialog
        open={confirmation !== null}
        title={confirmation?.title ?? ''}
        confirmLabel={confirmation?.confirmLabel ?? ''}
        destructive={confirmation?.destructive}
        busy={requests.busy}
        onConfirm={requests.confirm}
        onCancel={requests.cancel}
      >
        <p>{confirmation?.body}</p>
      </ConfirmDialog>
    </>
  );
};
