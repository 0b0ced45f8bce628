import type { Health } from '@parley/contracts';

type HealthStatusProps = { health: Health | undefined; failed: boolean };

const part = (ok: boolean, name: string) => `${name} ${ok ? 'working' : 'not responding'}`;

/** One line of service status; words and an icon, so it does not rely on colour. */
export const HealthStatus = ({ health, failed }: HealthStatusProps) => {
  if (failed) {
    return (
      <p className="status status--bad">
        <span className="status__icon" aria-hidden="true">
          ✕
        </span>
        <span>
          <strong>Service status:</strong> Parley’s service is not responding.
        </span>
      </p>
    );
  }
  if (!health) return <p className="status secondary-text">Checking service status…</p>;
  const ok = health.status === 'ok';
  return (
    <p className={`status ${ok ? 'status--ok' : 'status--bad'}`}>
      <span className="status__icon" aria-hidden="true">
        {ok ? '✓' : '!'}
      </span>
      <span>
        <strong>Service status:</strong> {ok ? 'working normally' : 'degraded'} ({part(health.db, 'database')}
        , {part(health.redis, 'job queue')}).
      </span>
    </p>
  );
};
