import { Inject, Injectable } from '@nestjs/common';
import {
  sentimentLabelRequestSchema,
  type SentimentAccuracyResponse,
  type SentimentLabelResponse,
  type SentimentSample,
} from '@parley/contracts';
import {
  AuditRepository,
  DATA_SOURCE,
  inTransaction,
  MentionRollupRepository,
  SENTIMENT_WATERMARK,
  SentimentRepository,
  type Queryable,
} from '@parley/db';
import { DomainError, labelledAccuracy, type LabelledAccuracy } from '@parley/domain';
import { CLASSIFIER_VERSION } from '@parley/tagging';
import type { DataSource } from 'typeorm';
import { DepartmentAccess } from '../../common/department-access.service';
import { parseWith } from '../../common/parse-with';
import { actorOf, type AuthContext } from '../auth/auth-context';

const SAMPLE_SIZE = 20;
const SAMPLE_DAYS = 30;
const EXCERPT_CHARS = 600;
const POST_ID = /^[1-9][0-9]{0,18}$/;

/** The labelling screen's reads and writes, and the classifier's accuracy against what people said. */
@Injectable()
export class SentimentService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly access: DepartmentAccess,
    private readonly sentiment: SentimentRepository,
    private readonly rollup: MentionRollupRepository,
    private readonly audit: AuditRepository,
  ) {}

  async sample(auth: AuthContext, departmentKey: string): Promise<SentimentSample> {
    const department = await this.access.resolve(auth, departmentKey, 'evaluation.record');
    const since = new Date(Date.now() - SAMPLE_DAYS * 86_400_000);
    const posts = await this.sentiment.sample(this.dataSource, department.id, since, SAMPLE_SIZE);
    return {
      items: posts.map((p) => ({
        ...p,
        text: p.text.length > EXCERPT_CHARS ? `${p.text.slice(0, EXCERPT_CHARS - 1)}…` : p.text,
        publishedAt: p.publishedAt.toISOString(),
      })),
    };
  }

  async accuracy(auth: AuthContext, departmentKey: string): Promise<SentimentAccuracyResponse> {
    const department = await this.access.resolve(auth, departmentKey, 'department.read');
    return {
      classifier: CLASSIFIER_VERSION,
      accuracy: await this.accuracyIn(this.dataSource, department.id),
    };
  }

  accuracyIn(q: Queryable, departmentId: string): Promise<LabelledAccuracy | null> {
    return this.sentiment.labelPairs(q, departmentId, CLASSIFIER_VERSION).then(labelledAccuracy);
  }

  /**
   * A person's label for one of the department's public mentions. In one transaction: the label, its audit entry,
   * and the recount of the post's hour, so the department's counts follow the label at once.
   */
  async label(
    auth: AuthContext,
    departmentKey: string,
    postId: string,
    body: unknown,
  ): Promise<SentimentLabelResponse> {
    const department = await this.access.resolve(auth, departmentKey, 'evaluation.record');
    const { label } = parseWith(sentimentLabelRequestSchema, body);
    const notFound = new DomainError(
      'not_found',
      `No post ${postId} among ${department.name}’s public mentions.`,
    );
    if (
      !POST_ID.test(postId) ||
      !(await this.sentiment.isPublicMention(this.dataSource, department.id, postId))
    )
      throw notFound;
    return inTransaction(this.dataSource, async (tx) => {
      await this.rollup.lockWatermark(tx, SENTIMENT_WATERMARK);
      const before = await this.sentiment.saveLabel(tx, department.id, postId, label, auth.userId);
      await this.audit.record(tx, actorOf(auth), {
        action: 'sentiment.label',
        entityType: 'post',
        entityId: postId,
        before: before ? { label: before } : null,
        after: { label, department: department.key },
        departmentId: department.id,
      });
      const hour = await this.sentiment.hourOfPost(tx, postId);
      if (hour) await this.sentiment.recountHours(tx, [hour]);
      return { postId, label, accuracy: await this.accuracyIn(tx, department.id) };
    });
  }
}
