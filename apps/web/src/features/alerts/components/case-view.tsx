import { Link } from 'react-router';
import type { Alert } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useCase } from '../api/cases';
import { useAlert } from '../api/get-alert';
import { useEvaluationLinks } from '../api/get-evaluation-links';
import { alertTitle } from '../utils/alert-words';
import { CaseForm, type LinkChoice } from './case-form';

type CaseViewProps = {
  id: string;
  departmentName: (key: string) => string;
  canEdit: (department: string) => boolean;
  canReadEvaluation: (department: string) => boolean;
};

const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 87)}…` : text);

/** The conversations behind the alert (by their most shared posts), then any linked that are not among them. */
const conversationChoices = (alert: Alert | undefined, linked: string[]): LinkChoice[] => {
  const choices = new Map<string, string>();
  for (const post of alert?.explanation.posts ?? [])
    if (!choices.has(post.conversationId))
      choices.set(post.conversationId, `${post.author ?? 'Someone'}: “${excerpt(post.excerpt)}”`);
  linked.forEach((id, at) => {
    if (!choices.has(id)) choices.set(id, `Linked conversation ${at + 1}`);
  });
  return [...choices].map(([id, label]) => ({ id, label }));
};

/** A RESIST case: where it came from, and its stages to work through. */
export const CaseView = ({ id, departmentName, canEdit, canReadEvaluation }: CaseViewProps) => {
  const found = useCase(id);
  const alertId = found.data?.alertId ?? '';
  const alert = useAlert(alertId, Boolean(alertId));
  const department = found.data?.department ?? '';
  const evaluation = useEvaluationLinks(department, Boolean(department) && canReadEvaluation(department));
  if (found.isPending) return <Loading label="Loading the case" />;
  if (found.isError)
    return (
      <ErrorPanel
        title="The case could not be loaded"
        error={found.error}
        onRetry={() => void found.refetch()}
      />
    );
  const c = found.data;
  return (
    <>
      <title>{`${c.title} – RESIST case – Parley`}</title>
      <h1 className="heading-l">
        <span className="heading-caption">RESIST case · {departmentName(c.department)}</span>
        {c.title}
      </h1>
      <p>
        Opened <DateTime value={c.createdAt} />, last changed <DateTime value={c.updatedAt} />.{' '}
        {c.alertId && (
          <Link className="link" to={`/alerts/${encodeURIComponent(c.alertId)}`}>
            {alert.data ? `Back to the alert: ${alertTitle(alert.data)}` : 'Back to the alert'}
          </Link>
        )}
      </p>
      <p className="hint">
        The stages follow RESIST 2, the government counter-disinformation toolkit. Fill in what you know; save
        as often as you like.
      </p>
      <CaseForm
        saved={c}
        conversations={conversationChoices(alert.data, c.conversationIds)}
        objectives={(evaluation.data?.objectives ?? []).map((o) => ({ id: o.id, label: o.description }))}
        lessons={(evaluation.data?.lessons ?? []).map((l) => ({ id: l.id, label: excerpt(l.text) }))}
        canEdit={canEdit(c.department)}
      />
    </>
  );
};
