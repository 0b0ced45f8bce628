import { useState } from 'react';
import type { Webhook } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { Tag } from '../../../components/ui/tag';
import { useDeleteWebhook } from '../api/delete-webhook';
import { useWebhooks } from '../api/get-webhooks';
import { useUpdateWebhook } from '../api/update-webhook';
import { REASON_NAMES } from '../utils/reason-names';
import { AddWebhookForm } from './add-webhook-form';
import { DeliveryLog } from './delivery-log';

type PanelProps = { department: string; departmentName: string };

const WebhookRow = ({ department, webhook }: { department: string; webhook: Webhook }) => {
  const [showLog, setShowLog] = useState(false);
  const [removing, setRemoving] = useState(false);
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const toggle = () =>
    update.mutate({
      department,
      id: webhook.id,
      change: { name: webhook.name, reasons: webhook.reasons, enabled: !webhook.enabled },
    });
  return (
    <li className="webhook">
      <h3 className="heading-s">
        {webhook.name} <Tag tone={webhook.enabled ? 'green' : 'grey'}>{webhook.enabled ? 'On' : 'Off'}</Tag>
      </h3>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Posts to</dt>
          <dd>{webhook.host}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Posts when</dt>
          <dd>{webhook.reasons.map((r) => REASON_NAMES[r]).join('; ')}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Signed</dt>
          <dd>{webhook.secret.set ? 'Yes, with a signing secret' : 'No'}</dd>
        </div>
      </dl>
      {update.isError && <p className="error-message">The change did not work. Try again.</p>}
      <p className="button-group">
        <Button variant="secondary" onClick={toggle} disabled={update.isPending}>
          {webhook.enabled ? 'Turn off' : 'Turn on'}
          <span className="visually-hidden"> {webhook.name}</span>
        </Button>
        <Button variant="secondary" onClick={() => setShowLog((s) => !s)} aria-expanded={showLog}>
          {showLog ? 'Hide' : 'Show'} delivery log<span className="visually-hidden"> of {webhook.name}</span>
        </Button>
        <Button variant="secondary" onClick={() => setRemoving(true)}>
          Remove<span className="visually-hidden"> {webhook.name}</span>
        </Button>
      </p>
      {showLog && <DeliveryLog department={department} id={webhook.id} name={webhook.name} />}
      <ConfirmDialog
        open={removing}
        title={`Remove ${webhook.name}?`}
        confirmLabel="Remove webhook"
        destructive
        busy={remove.isPending}
        onCancel={() => setRemoving(false)}
        onConfirm={() =>
          remove.mutate({ department, id: webhook.id }, { onSettled: () => setRemoving(false) })
        }
      >
        <p>Nothing more is posted there, and its delivery log is removed too.</p>
      </ConfirmDialog>
    </li>
  );
};

/** A department's webhooks, their delivery logs, and the form to add one. */
export const WebhooksPanel = ({ department, departmentName }: PanelProps) => {
  const webhooks = useWebhooks(department);
  const [added, setAdded] = useState<{ name: string; n: number } | null>(null);
  return (
    <>
      {added && (
        <NotificationBanner title="Success" focusKey={added.n}>
          <p className="notification-banner__heading">{added.name} is added</p>
          <p>It posts the next matching event.</p>
        </NotificationBanner>
      )}
      {webhooks.isPending ? (
        <Loading label="Loading the webhooks" />
      ) : webhooks.isError ? (
        <ErrorPanel
          title="The webhooks could not be loaded"
          error={webhooks.error}
          onRetry={() => void webhooks.refetch()}
        />
      ) : webhooks.data.length === 0 ? (
        <EmptyState title={`${departmentName} has no webhooks yet`}>
          <p>Add one below to post to a Slack or Teams channel when something needs the team.</p>
        </EmptyState>
      ) : (
        <ul className="webhook-list">
          {webhooks.data.map((w) => (
            <WebhookRow key={w.id} department={department} webhook={w} />
          ))}
        </ul>
      )}
      <AddWebhookForm
        department={department}
        onAdded={(name) => setAdded((a) => ({ name, n: (a?.n ?? 0) + 1 }))}
      />
    </>
  );
};
