import { Inject, Injectable } from '@nestjs/common';
import type {
  EvaluationQuery,
  EvaluationRecords,
  FollowUpDue,
  InputCost,
  InputCostInput,
  InputCostPatch,
  Lesson,
  LessonInput,
  LessonPatch,
  Objective,
  ObjectiveInput,
  ObjectivePatch,
  Survey,
  SurveyInput,
  SurveyPatch,
} from '@parley/contracts';
import {
  DATA_SOURCE,
  EvaluationRepository,
  type CostFields,
  type DepartmentRow,
  type LessonFields,
  type ObjectiveFields,
  type Queryable,
  type RecordTable,
  type SurveyFields,
} from '@parley/db';
import { DomainError } from '@parley/domain';
import type { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context';
import { EvaluationAccess } from './evaluation-access.service';
import {
  costView,
  exerciseView,
  followUpDueView,
  lessonView,
  objectiveView,
  surveyView,
} from './evaluation-view';

const invalid = (path: string, message: string) => new DomainError('invalid', message, [{ path, message }]);

const inOrder = (from: Date, to: Date): void => {
  if (from >= to) throw invalid('to', 'The end must be after the start.');
};

/** What an audit event keeps of a record: its fields as the api shows them. */
const auditOf = <T>(value: T) => JSON.parse(JSON.stringify(value)) as T;

/**
 * The evaluation records of one department: read together for a period, and objectives, lessons, surveys and
 * input costs created, changed and removed one at a time (exercises are `ExercisesService`'s).
 */
@Injectable()
export class EvaluationService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly records: EvaluationRepository,
    private readonly access: EvaluationAccess,
  ) {}

  async read(auth: AuthContext, query: EvaluationQuery, now = new Date()): Promise<EvaluationRecords> {
    const department = await this.access.department(auth, query.department, 'evaluation.read');
    const window = {
      from: query.from ? new Date(query.from) : null,
      to: query.to ? new Date(query.to) : null,
    };
    if (window.from && window.to) inOrder(window.from, window.to);
    const q = this.dataSource;
    const [objectives, exercises, surveys, costs] = await Promise.all([
      this.records.objectives(q, department.id, window),
      this.records.exercises(q, department.id, window),
      this.records.surveys(q, department.id, window),
      this.records.costs(q, department.id, window),
    ]);
    const exerciseIds = exercises.map((e) => e.id);
    const [influence, followUps, lessons, due, engagements] = await Promise.all([
      this.records.influenceOf(q, exerciseIds),
      this.records.followUpsOf(q, exerciseIds),
      this.records.lessons(q, department.id, window, exerciseIds),
      this.records.followUpsDue(q, department.id, now),
      this.records.engagementCounts(q, department.id, costs),
    ]);
    const key = department.key;
    return {
      department: key,
      objectives: objectives.map((r) => objectiveView(key, r)),
      exercises: exercises.map((r) => exerciseView(key, r, influence, followUps)),
      lessons: lessons.map((r) => lessonView(key, r)),
      surveys: surveys.map((r) => surveyView(key, r)),
      costs: costs.map((r, i) => ({ ...costView(key, r), engagements: engagements[i] })),
      followUpsDue: due.map(followUpDueView),
    };
  }

  async followUpsDue(auth: AuthContext, departmentKey: string, now = new Date()): Promise<FollowUpDue[]> {
    const department = await this.access.department(auth, departmentKey, 'evaluation.read');
    return (await this.records.followUpsDue(this.dataSource, department.id, now)).map(followUpDueView);
  }

  // ---- objectives ----

  async createObjective(auth: AuthContext, input: ObjectiveInput): Promise<Objective> {
    const department = await this.access.department(auth, input.department, 'evaluation.record');
    const fields: ObjectiveFields = { ...input, from: new Date(input.from), to: new Date(input.to) };
    return this.access.change(auth, department, 'objective', async (tx) => {
      const view = objectiveView(
        department.key,
        await this.records.insertObjective(tx, department.id, fields),
      );
      return { result: view, audit: { action: 'objective.create', entityId: view.id, after: view } };
    });
  }

  async updateObjective(auth: AuthContext, rawId: string, patch: ObjectivePatch): Promise<Objective> {
    const { id, department } = await this.access.ofRecord(auth, 'objective', rawId, 'evaluation.record');
    return this.access.change(auth, department, 'objective', async (tx) => {
      const existing = await this.found(this.records.objective(tx, id));
      const fields: ObjectiveFields = {
        ...existing,
        ...patch,
        from: patch.from ? new Date(patch.from) : existing.from,
        to: patch.to ? new Date(patch.to) : existing.to,
      };
      inOrder(fields.from, fields.to);
      const view = objectiveView(department.key, await this.records.updateObjective(tx, id, fields));
      const before = objectiveView(department.key, existing);
      return { result: view, audit: { action: 'objective.update', entityId: id, before, after: view } };
    });
  }

  // ---- lessons ----

  async createLesson(auth: AuthContext, input: LessonInput): Promise<Lesson> {
    const department = await this.access.department(auth, input.department, 'evaluation.record');
    return this.access.change(auth, department, 'lesson', async (tx) => {
      await this.checkLessonLinks(tx, department, input);
      const row = await this.records.insertLesson(tx, department.id, input, auth.userId);
      const view = lessonView(department.key, row);
      return { result: view, audit: { action: 'lesson.create', entityId: view.id, after: view } };
    });
  }

  async updateLesson(auth: AuthContext, rawId: string, patch: LessonPatch): Promise<Lesson> {
    const { id, department } = await this.access.ofRecord(auth, 'lesson', rawId, 'evaluation.record');
    return this.access.change(auth, department, 'lesson', async (tx) => {
      const existing = await this.found(this.records.lesson(tx, id));
      const fields: LessonFields = { ...existing, ...patch };
      await this.checkLessonLinks(tx, department, fields);
      const view = lessonView(department.key, await this.records.updateLesson(tx, id, fields));
      const before = lessonView(department.key, existing);
      return { result: view, audit: { action: 'lesson.update', entityId: id, before, after: view } };
    });
  }

  /** A lesson links only to the department's own exercise, conversations and engagements. */
  private async checkLessonLinks(
    q: Queryable,
    department: DepartmentRow,
    fields: LessonFields,
  ): Promise<void> {
    if (
      fields.exerciseId &&
      (await this.records.departmentOf(q, 'exercise', fields.exerciseId)) !== department.id
    ) {
      throw invalid('exerciseId', `There is no exercise with that id in ${department.name}.`);
    }
    const conversations = await this.records.foreignConversations(q, department.id, fields.conversationIds);
    if (conversations.length) {
      throw invalid(
        'conversationIds',
        `${department.name} has not been in conversation ${conversations.join(', ')}: link conversations from its inbox.`,
      );
    }
    const engagements = await this.records.foreignEngagements(q, department.id, fields.engagementIds);
    if (engagements.length) {
      throw invalid('engagementIds', `${engagements.join(', ')} is not an engagement of ${department.name}.`);
    }
  }

  // ---- surveys ----

  async createSurvey(auth: AuthContext, input: SurveyInput): Promise<Survey> {
    const department = await this.access.department(auth, input.department, 'evaluation.record');
    return this.access.change(auth, department, 'survey', async (tx) => {
      const fields = surveyFields(input);
      await this.checkObjective(tx, department, fields.objectiveId);
      const view = surveyView(department.key, await this.records.insertSurvey(tx, department.id, fields));
      return { result: view, audit: { action: 'survey.create', entityId: view.id, after: view } };
    });
  }

  async updateSurvey(auth: AuthContext, rawId: string, patch: SurveyPatch): Promise<Survey> {
    const { id, department } = await this.access.ofRecord(auth, 'survey', rawId, 'evaluation.record');
    return this.access.change(auth, department, 'survey', async (tx) => {
      const existing = await this.found(this.records.survey(tx, id));
      const before = surveyView(department.key, existing);
      const fields = surveyFields({
        objectiveId: patch.objectiveId === undefined ? before.objectiveId : patch.objectiveId,
        question: patch.question ?? before.question,
        method: patch.method ?? before.method,
        before: patch.before ?? before.before,
        after: patch.after ?? before.after,
        surveyedAt: patch.surveyedAt ?? before.surveyedAt,
      });
      await this.checkObjective(tx, department, fields.objectiveId);
      const view = surveyView(department.key, await this.records.updateSurvey(tx, id, fields));
      return { result: view, audit: { action: 'survey.update', entityId: id, before, after: view } };
    });
  }

  private async checkObjective(q: Queryable, department: DepartmentRow, objectiveId: string | null) {
    if (objectiveId && (await this.records.departmentOf(q, 'objective', objectiveId)) !== department.id) {
      throw invalid('objectiveId', `There is no objective with that id in ${department.name}.`);
    }
  }

  // ---- input costs ----

  async createCost(auth: AuthContext, input: InputCostInput): Promise<InputCost> {
    const department = await this.access.department(auth, input.department, 'evaluation.record');
    const fields: CostFields = { ...input, from: new Date(input.from), to: new Date(input.to) };
    return this.access.change(auth, department, 'input_cost', async (tx) => {
      const view = costView(department.key, await this.records.insertCost(tx, department.id, fields));
      return { result: view, audit: { action: 'input-cost.create', entityId: view.id, after: view } };
    });
  }

  async updateCost(auth: AuthContext, rawId: string, patch: InputCostPatch): Promise<InputCost> {
    const { id, department } = await this.access.ofRecord(auth, 'input_cost', rawId, 'evaluation.record');
    return this.access.change(auth, department, 'input_cost', async (tx) => {
      const existing = await this.found(this.records.cost(tx, id));
      const fields: CostFields = {
        ...existing,
        ...patch,
        from: patch.from ? new Date(patch.from) : existing.from,
        to: patch.to ? new Date(patch.to) : existing.to,
      };
      inOrder(fields.from, fields.to);
      const view = costView(department.key, await this.records.updateCost(tx, id, fields));
      const before = costView(department.key, existing);
      return { result: view, audit: { action: 'input-cost.update', entityId: id, before, after: view } };
    });
  }

  // ---- removing any record ----

  /** Removes a record of any kind; the audit event keeps what it was. */
  async remove(auth: AuthContext, table: RecordTable, rawId: string): Promise<void> {
    const { id, department } = await this.access.ofRecord(auth, table, rawId, 'evaluation.record');
    await this.access.change(auth, department, table, async (tx) => {
      const before = auditOf(await this.found(this.loader(table)(tx, id)));
      await this.records.delete(tx, table, id);
      return { result: undefined, audit: { action: `${ACTION_NOUN[table]}.delete`, entityId: id, before } };
    });
  }

  private loader(table: RecordTable): (q: Queryable, id: string) => Promise<unknown> {
    const r = this.records;
    const loaders: Record<RecordTable, (q: Queryable, id: string) => Promise<unknown>> = {
      objective: (q, id) => r.objective(q, id),
      exercise: (q, id) => r.exercise(q, id),
      policy_influence: (q, id) => r.influence(q, id),
      lesson: (q, id) => r.lesson(q, id),
      survey: (q, id) => r.survey(q, id),
      input_cost: (q, id) => r.cost(q, id),
    };
    return loaders[table];
  }

  /** A record removed between the access check and its transaction is simply not there. */
  private async found<T>(row: Promise<T | undefined>): Promise<T> {
    const value = await row;
    if (value === undefined) throw new DomainError('not_found', 'That record has just been removed.');
    return value;
  }
}

/** The first word of each record's audit actions. */
export const ACTION_NOUN: Record<RecordTable, string> = {
  objective: 'objective',
  exercise: 'exercise',
  policy_influence: 'influence',
  lesson: 'lesson',
  survey: 'survey',
  input_cost: 'input-cost',
};

const surveyFields = (input: Omit<SurveyInput, 'department'>): SurveyFields => ({
  objectiveId: input.objectiveId,
  question: input.question,
  method: input.method,
  beforeAgree: input.before.agree,
  beforeN: input.before.n,
  afterAgree: input.after.agree,
  afterN: input.after.n,
  surveyedAt: new Date(input.surveyedAt),
});
