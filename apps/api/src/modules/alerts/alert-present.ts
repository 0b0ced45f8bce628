import type { Alert, AlertLiveEvent, ResistCase } from '@parley/contracts';
import { DEPARTMENT_SCOPE_ID, iso, type AlertRow, type ResistCaseRow } from '@parley/db';
import { alertHeadline, effectiveAlertStatus } from '@parley/domain';

const HOUR_MS = 3_600_000;

/** The drill-down behind an alert: `GET /api/metrics/posts` over the window its measure compared. */
const postsQueryOf = (row: AlertRow): Record<string, string> => {
  const to = new Date(Math.ceil(row.lastSeenAt.getTime() / HOUR_MS) * HOUR_MS);
  const span = (row.measure as { window?: string }).window === 'hour' ? HOUR_MS : 24 * HOUR_MS;
  return {
    department: row.departmentKey,
    from: new Date(to.getTime() - span).toISOString(),
    to: to.toISOString(),
    ...(row.scopeType === 'theme' ? { theme: row.scopeId } : {}),
    ...(row.kind === 'sentiment' ? { sentiment: 'negative' } : {}),
  };
};

export const presentAlert = (row: AlertRow, now: Date): Alert => ({
  id: row.id,
  department: row.departmentKey,
  kind: row.kind,
  scope: {
    type: row.scopeType,
    id: row.scopeId === DEPARTMENT_SCOPE_ID ? null : row.scopeId,
    label: row.scopeLabel,
  },
  severity: row.severity,
  startedAt: iso(row.startedAt) as string,
  lastSeenAt: iso(row.lastSeenAt) as string,
  measure: row.measure as Alert['measure'],
  explanation: row.explanation as Alert['explanation'],
  status: effectiveAlertStatus(row, now),
  assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? 'Someone' } : null,
  snoozedUntil: row.status === 'snoozed' ? iso(row.snoozedUntil) : null,
  closedAt: iso(row.closedAt),
  outcome: row.outcome,
  caseId: row.caseId,
  postsQuery: postsQueryOf(row),
});

export const liveEventOf = (row: AlertRow, now: Date): AlertLiveEvent => ({
  alertId: row.id,
  department: row.departmentKey,
  kind: row.kind,
  severity: row.severity,
  status: effectiveAlertStatus(row, now),
  headline: alertHeadline({
    kind: row.kind,
    scopeLabel: row.scopeLabel,
    measure: row.measure as { observed: number; expected: number },
  }),
  at: now.toISOString(),
});

export const presentCase = (row: ResistCaseRow): ResistCase => ({
  id: row.id,
  alertId: row.alertId,
  department: row.departmentKey,
  status: row.status,
  title: row.title,
  recognise: row.recognise,
  earlyWarning: row.earlyWarning,
  situationalInsight: row.situationalInsight,
  impactLikelihood: row.impactLikelihood,
  impactSeverity: row.impactSeverity,
  impactAnalysis: row.impactAnalysis,
  strategicCommunication: row.strategicCommunication,
  trackOutcomes: row.trackOutcomes,
  conversationIds: row.conversationIds,
  objectiveIds: row.objectiveIds,
  lessonIds: row.lessonIds,
  createdBy: row.createdBy ?? 'Someone',
  createdAt: iso(row.createdAt) as string,
  updatedAt: iso(row.updatedAt) as string,
});
