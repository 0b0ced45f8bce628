import { useState } from 'react';
import './alerts.css';
import { Link, useNavigate } from 'react-router';
import type { Alert } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { useAlert } from '../api/get-alert';
import { useOpenCase } from '../api/cases';
import { useFieldFailure } from '../hooks/use-field-failure';
import { alertTitle, KIND_WORDS, scopeInWords } from '../utils/alert-words';
import { AlertActions } from './alert-actions';
import { AlertEvidence } from './alert-evidence';
import { AlertSeriesChart } from './alert-series-chart';
import { AlertTags } from './alert-tags';

type AlertViewProps = {
  id: string;
  meId: string;
  departmentName: (key: string) => string;
  /** Whether the person may act on alerts of this department (acknowledge, assign, close, open a case). */
  canAct: (department: string) => boolean;
  canListMembers: (department: string) => boolean;
  canMute: (department: string) => boolean;
};

const Facts = ({ alert, departmentName }: { alert: Alert; departmentName: (key: string) => string }) => (
  <dl className="summary-list">
    <div className="summary-list__row">
      <dt>Department</dt>
      <dd>{departmentName(alert.department)}</dd>
    </div>
    <div className="summary-list__row">
      <dt>What was watched</dt>
      <dd>
        {KIND_WORDS[alert.kind].meaning} in {scopeInWords(alert.scope)}
      </dd>
    </div>
    <div className="summary-list__row">
      <dt>Started</dt>
      <dd>
        <DateTime value={alert.startedAt} />
      </dd>
    </div>
    <div className="summary-list__row">
      <dt>Last seen rising</dt>
      <dd>
        <DateTime value={alert.lastSeenAt} />
      </dd>
    </div>
    <div className="summary-list__row">
      <dt>With</dt>
      <dd>{alert.assignee?.name ?? 'Nobody yet'}</dd>
    </div>
    {alert.status === 'snoozed' && (
      <div className="summary-list__row">
        <dt>Snoozed until</dt>
        <dd>
          <DateTime value={alert.snoozedUntil} />
        </dd>
      </div>
    )}
    {alert.status === 'closed' && (
      <div className="summary-list__row">
        <dt>Closed</dt>
        <dd>
          <DateTime value={alert.closedAt} />
          {alert.outcome && <p className="alert-outcome">{alert.outcome}</p>}
        </dd>
      </div>
    )}
  </dl>
);

/** The case section: a link to the RESIST case, or the button that opens one and goes to it. */
const CaseSection = ({ alert, canAct }: { alert: Alert; canAct: boolean }) => {
  const navigate = useNavigate();
  const open = useOpenCase();
  const f = useFieldFailure({});
  return (
    <section aria-labelledby="alert-case">
      <h2 id="alert-case" className="heading-m">
        RESIST case
      </h2>
      {alert.caseId ? (
        <p>
          <Link className="link" to={`/cases/${encodeURIComponent(alert.caseId)}`}>
            Go to the RESIST case for this alert
          </Link>
        </p>
      ) : canAct ? (
        <>
          <p>
            If this looks like a campaign or false information, work it through the government
            counter-disinformation toolkit (RESIST 2) in a case linked to this alert and its conversations.
          </p>
          <ErrorSummary items={f.summary} />
          <Button
            variant="secondary"
            disabled={open.isPending}
            onClick={() =>
              open.mutate(alert.id, {
                onSuccess: (opened) => navigate(`/cases/${encodeURIComponent(opened.id)}`),
                onError: f.fromError,
              })
            }
          >
            {open.isPending ? 'Opening the case…' : 'Open a RESIST case'}
          </Button>
        </>
      ) : (
        <p>No case has been opened for this alert.</p>
      )}
    </section>
  );
};

/** One alert: what rose and why, the hours behind it, the posts, and what to do about it. */
export const AlertView = ({ id, meId, departmentName, canAct, canListMembers, canMute }: AlertViewProps) => {
  const alert = useAlert(id);
  const [done, setDone] = useState<{ message: string; count: number } | null>(null);
  if (alert.isPending) return <Loading label="Loading the alert" />;
  if (alert.isError)
    return (
      <ErrorPanel
        title="The alert could not be loaded"
        error={alert.error}
        onRetry={() => void alert.refetch()}
      />
    );
  const a = alert.data;
  const acts = canAct(a.department);
  return (
    <>
      <title>{`${alertTitle(a)} – Alerts – Parley`}</title>
      {done && (
        <NotificationBanner title="Done" focusKey={done.count}>
          <p className="notification-banner__heading">{done.message}</p>
        </NotificationBanner>
      )}
      <h1 className="heading-l">
        <span className="heading-caption">Alert</span>
        {alertTitle(a)}
      </h1>
      <AlertTags alert={a} />
      <Facts alert={a} departmentName={departmentName} />
      <AlertEvidence alert={a} />
      <AlertSeriesChart alertId={a.id} />
      <p>
        <Link className="link" to={`/alerts/${encodeURIComponent(a.id)}/posts`}>
          See every post behind this alert
        </Link>
      </p>
      {acts && (
        <AlertActions
          alert={a}
          meId={meId}
          canListMembers={canListMembers(a.department)}
          canMute={canMute(a.department)}
          onDone={(message) => setDone((d) => ({ message, count: (d?.count ?? 0) + 1 }))}
        />
      )}
      <CaseSection alert={a} canAct={acts} />
    </>
  );
};
