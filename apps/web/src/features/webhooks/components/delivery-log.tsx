import { DateTime } from '../../../components/ui/date-time';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { Tag } from '../../../components/ui/tag';
import { useWebhookDeliveries } from '../api/get-webhook-deliveries';
import { DELIVERY_STATES, REASON_NAMES } from '../utils/reason-names';

const COLOURS = { pending: 'orange', delivered: 'green', failed: 'red' } as const;

/** The latest deliveries of one webhook: what was posted, whether it arrived, and the receiver's last answer. */
export const DeliveryLog = ({ department, id, name }: { department: string; id: string; name: string }) => {
  const deliveries = useWebhookDeliveries(department, id);
  if (deliveries.isPending) return <Loading label="Loading the delivery log" />;
  if (deliveries.isError)
    return (
      <ErrorPanel
        title="The delivery log could not be loaded"
        error={deliveries.error}
        onRetry={() => void deliveries.refetch()}
      />
    );
  if (deliveries.data.length === 0) return <p>Nothing has been posted to {name} yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption className="table__caption">Latest posts to {name}</caption>
        <thead>
          <tr>
            <th scope="col">Posted about</th>
            <th scope="col">Result</th>
            <th scope="col" className="table__numeric">
              Attempts
            </th>
            <th scope="col">Last answer</th>
            <th scope="col">Delivered</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.map((d) => (
            <tr key={d.id}>
              <td>{REASON_NAMES[d.reason]}</td>
              <td>
                <Tag tone={COLOURS[d.state]}>{DELIVERY_STATES[d.state]}</Tag>
              </td>
              <td className="table__numeric">{d.attempts}</td>
              <td>{d.lastError ?? (d.statusCode ? `Answered ${d.statusCode}` : 'Not tried yet')}</td>
              <td>
                <DateTime value={d.deliveredAt} fallback="Not yet" variant="compact" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
