import type { Exercise, FollowUpDue, InputCost, Lesson, Objective, Survey } from '@parley/contracts';
import type {
  CostRow,
  ExerciseRow,
  FollowUpDueRow,
  FollowUpRow,
  InfluenceRow,
  LessonRow,
  ObjectiveRow,
  SurveyRow,
} from '@parley/db';
import { surveyChange } from '@parley/domain';

/** Rows as the api answers them: ISO instants, and the department's key on every record. */
const at = (d: Date): string => d.toISOString();

export const objectiveView = (department: string, r: ObjectiveRow): Objective => ({
  id: r.id,
  department,
  description: r.description,
  audience: r.audience,
  metric: r.metric,
  baseline: r.baseline,
  target: r.target,
  from: at(r.from),
  to: at(r.to),
});

export const exerciseView = (
  department: string,
  r: ExerciseRow,
  influence: readonly InfluenceRow[],
  followUps: readonly FollowUpRow[],
): Exercise => ({
  id: r.id,
  department,
  title: r.title,
  topic: r.topic,
  startedAt: at(r.startedAt),
  closedAt: r.closedAt && at(r.closedAt),
  youSaidWeDid:
    r.youSaidWeDidUrl && r.youSaidWeDidAt
      ? { url: r.youSaidWeDidUrl, postedAt: at(r.youSaidWeDidAt), engagementId: r.youSaidWeDidEngagementId }
      : null,
  influence: influence
    .filter((i) => i.exerciseId === r.id)
    .map((i) => ({
      id: i.id,
      level: i.level,
      note: i.note,
      evidence: i.evidence,
      recordedAt: at(i.recordedAt),
    })),
  followUps: followUps
    .filter((f) => f.exerciseId === r.id)
    .map((f) => ({
      months: f.months,
      dueAt: at(f.dueAt),
      doneAt: f.doneAt && at(f.doneAt),
      remindedAt: f.remindedAt && at(f.remindedAt),
    })),
});

export const lessonView = (department: string, r: LessonRow): Lesson => ({
  id: r.id,
  department,
  exerciseId: r.exerciseId,
  text: r.text,
  conversationIds: r.conversationIds,
  engagementIds: r.engagementIds,
  recordedAt: at(r.recordedAt),
  recordedBy: r.recordedBy,
});

export const surveyView = (department: string, r: SurveyRow): Survey => {
  const before = { agree: r.beforeAgree, n: r.beforeN };
  const after = { agree: r.afterAgree, n: r.afterN };
  const result = surveyChange(before, after);
  return {
    id: r.id,
    department,
    objectiveId: r.objectiveId,
    question: r.question,
    method: r.method,
    before,
    after,
    change: result?.change ?? null,
    ciLow: result?.ciLow ?? null,
    ciHigh: result?.ciHigh ?? null,
    surveyedAt: at(r.surveyedAt),
  };
};

export const costView = (department: string, r: CostRow): InputCost => ({
  id: r.id,
  department,
  from: at(r.from),
  to: at(r.to),
  staffHours: r.staffHours,
  hourlyRate: r.hourlyRate,
  toolCost: r.toolCost,
});

export const followUpDueView = (r: FollowUpDueRow): FollowUpDue => ({
  exerciseId: r.exerciseId,
  exerciseTitle: r.exerciseTitle,
  department: r.departmentKey,
  months: r.months,
  dueAt: at(r.dueAt),
  remindedAt: r.remindedAt && at(r.remindedAt),
});
