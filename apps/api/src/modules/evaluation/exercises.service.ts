import { Injectable } from '@nestjs/common';
import type {
  Exercise,
  ExerciseClose,
  ExerciseInput,
  ExercisePatch,
  InfluenceInput,
  InfluencePatch,
  YouSaidWeDidInput,
} from '@parley/contracts';
import { EvaluationRepository, type DepartmentRow, type Queryable } from '@parley/db';
import { DomainError, followUpsFor } from '@parley/domain';
import type { AuthContext } from '../auth/auth-context';
import { EvaluationAccess } from './evaluation-access.service';
import { exerciseView } from './evaluation-view';

/**
 * Engagement exercises: started, closed (which sets the follow-ups at 3, 6 and 12 months), their "you said, we
 * did" update, and the policy-influence entries recorded against them over the months that follow.
 */
@Injectable()
export class ExercisesService {
  constructor(
    private readonly records: EvaluationRepository,
    private readonly access: EvaluationAccess,
  ) {}

  async create(auth: AuthContext, input: ExerciseInput): Promise<Exercise> {
    const department = await this.access.department(auth, input.department, 'evaluation.record');
    return this.access.change(auth, department, 'exercise', async (tx) => {
      const id = await this.records.insertExercise(tx, department.id, {
        ...input,
        startedAt: new Date(input.startedAt),
      });
      const view = await this.view(tx, department, id);
      return { result: view, audit: { action: 'exercise.create', entityId: id, after: view } };
    });
  }

  async update(auth: AuthContext, rawId: string, patch: ExercisePatch): Promise<Exercise> {
    return this.changeExercise(auth, rawId, 'exercise.update', async (tx, id, before) => {
      const startedAt = patch.startedAt ? new Date(patch.startedAt) : new Date(before.startedAt);
      if (before.closedAt && startedAt > new Date(before.closedAt)) {
        throw invalid('startedAt', 'An exercise cannot start after it closed.');
      }
      await this.records.updateExercise(tx, id, {
        title: patch.title ?? before.title,
        topic: patch.topic === undefined ? before.topic : patch.topic,
        startedAt,
      });
    });
  }

  /** Closing again (a date put right) moves the follow-ups not yet done. */
  async close(auth: AuthContext, rawId: string, input: ExerciseClose, now = new Date()): Promise<Exercise> {
    return this.changeExercise(auth, rawId, 'exercise.close', async (tx, id, before) => {
      const closedAt = input.closedAt ? new Date(input.closedAt) : now;
      if (closedAt < new Date(before.startedAt)) {
        throw invalid('closedAt', 'An exercise cannot close before it started.');
      }
      await this.records.closeExercise(tx, id, closedAt);
      await this.records.setFollowUps(tx, id, followUpsFor(closedAt));
    });
  }

  async youSaidWeDid(
    auth: AuthContext,
    rawId: string,
    input: YouSaidWeDidInput,
    now = new Date(),
  ): Promise<Exercise> {
    return this.changeExercise(
      auth,
      rawId,
      'exercise.you-said-we-did',
      async (tx, id, before, department) => {
        if (!before.closedAt) {
          throw invalid('url', 'Close the exercise first: a “you said, we did” update follows its close.');
        }
        if (
          input.engagementId &&
          !(await this.records.isEngagementOf(tx, department.id, input.engagementId))
        ) {
          throw invalid('engagementId', `That is not an engagement of ${department.name}.`);
        }
        const postedAt = input.postedAt ? new Date(input.postedAt) : now;
        await this.records.setYouSaidWeDid(tx, id, {
          url: input.url,
          postedAt,
          engagementId: input.engagementId,
        });
      },
    );
  }

  /** An entry recorded once a follow-up has come due is that follow-up done. */
  async addInfluence(
    auth: AuthContext,
    rawId: string,
    input: InfluenceInput,
    now = new Date(),
  ): Promise<Exercise> {
    return this.changeExercise(auth, rawId, 'influence.create', async (tx, id) => {
      await this.records.insertInfluence(tx, id, input, auth.userId);
      await this.records.completeFollowUps(tx, id, now);
    });
  }

  async updateInfluence(auth: AuthContext, rawId: string, patch: InfluencePatch): Promise<Exercise> {
    const { id, department } = await this.access.ofRecord(
      auth,
      'policy_influence',
      rawId,
      'evaluation.record',
    );
    return this.access.change(auth, department, 'policy_influence', async (tx) => {
      const existing = await this.records.influence(tx, id);
      if (!existing) throw new DomainError('not_found', 'That influence entry has just been removed.');
      const after = await this.records.updateInfluence(tx, id, { ...existing, ...patch });
      const view = await this.view(tx, department, existing.exerciseId);
      return {
        result: view,
        audit: { action: 'influence.update', entityId: id, before: jsonOf(existing), after: jsonOf(after) },
      };
    });
  }

  /** Locks the exercise, makes the change, and audits the exercise before and after it. */
  private async changeExercise(
    auth: AuthContext,
    rawId: string,
    action: string,
    work: (tx: Queryable, id: string, before: Exercise, department: DepartmentRow) => Promise<void>,
  ): Promise<Exercise> {
    const { id, department } = await this.access.ofRecord(auth, 'exercise', rawId, 'evaluation.record');
    return this.access.change(auth, department, 'exercise', async (tx) => {
      if (!(await this.records.exercise(tx, id))) {
        throw new DomainError('not_found', 'That exercise has just been removed.');
      }
      const before = await this.view(tx, department, id);
      await work(tx, id, before, department);
      const after = await this.view(tx, department, id);
      return { result: after, audit: { action, entityId: id, before, after } };
    });
  }

  private async view(q: Queryable, department: DepartmentRow, id: string): Promise<Exercise> {
    // One after another: inside a transaction they share one connection.
    const row = await this.records.exercise(q, id);
    const influence = await this.records.influenceOf(q, [id]);
    const followUps = await this.records.followUpsOf(q, [id]);
    if (!row) throw new DomainError('not_found', 'That exercise has just been removed.');
    return exerciseView(department.key, row, influence, followUps);
  }
}

const invalid = (path: string, message: string) => new DomainError('invalid', message, [{ path, message }]);
const jsonOf = <T>(value: T) => JSON.parse(JSON.stringify(value)) as T;
