import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DATA_SOURCE,
  inTransaction,
  THEMES_WATERMARK,
  ThemeRepository,
  type OnTopicPost,
  type PostPlacement,
  type Queryable,
} from '@parley/db';
import { redactExcerpt } from '@parley/domain';
import { groupPosts, ignoredStems, keyphrasesOf, type PostKeyphrases } from '@parley/tagging';
import type { DataSource } from 'typeorm';
import { COMMIT_LAG_MS } from './roll-up-mentions.handler';

/** How much tagging time one step covers. */
export const THEME_STEP_MS = 3_600_000;
/** Posts placed per step (one transaction); a fuller step is carried on by the next from the same watermark. */
export const POSTS_PER_STEP = 2_000;
/** Steps per run: a backlog (a year of posts on first run) is worked off over several runs, never in one. */
export const MAX_STEPS = 50;
/** Posts that fitted no theme are tried again with new posts for this long, the newest this many at most. */
const UNTHEMED_FOR_MS = 30 * 86_400_000;
const UNTHEMED_AT_MOST = 2_000;
const EXCERPT_LENGTH = 240;

type Tx = Parameters<Parameters<typeof inTransaction>[1]>[0];

/**
 * Places on-topic posts in their department's themes and keeps the hourly theme roll-ups. The trigger is the
 * tagger's output: each step locks the `themes` watermark, reads the posts of conversations whose opportunity was
 * tagged since it (a little before, for transactions that committed late), places those not yet placed, recounts
 * the hours they count in, and moves the watermark, in one transaction. Running it twice places and counts each post
 * once (a placed post is skipped and hours are recounted whole); a crash rolls a step back whole.
 */
@Injectable()
export class RollUpThemesHandler {
  private readonly logger = new Logger(RollUpThemesHandler.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly themes: ThemeRepository,
  ) {}

  private stopping = false;

  /** Ends a run after its current step, as the mentions roll-up does. */
  stop(): void {
    this.stopping = true;
  }

  async handle(): Promise<{ steps: number; posts: number; themes: number }> {
    let steps = 0;
    let posts = 0;
    let themes = 0;
    for (let done = false; !done && !this.stopping && steps < MAX_STEPS; steps++) {
      const step = await inTransaction(this.dataSource, (tx) => this.step(tx));
      posts += step.posts;
      themes += step.themes;
      done = step.caughtUp;
    }
    this.logger.log({ message: 'themes rolled up', steps, posts, themes });
    return { steps, posts, themes };
  }

  private async step(tx: Tx): Promise<{ posts: number; themes: number; caughtUp: boolean }> {
    const { countedTo, now } = await this.themes.lockWatermark(tx, THEMES_WATERMARK);
    const to = new Date(Math.min(countedTo.getTime() + THEME_STEP_MS, now.getTime()));
    const posts = await this.themes.onTopicTaggedIn(
      tx,
      new Date(countedTo.getTime() - COMMIT_LAG_MS),
      // Postgres' now() has microseconds and a Date milliseconds: read to the end of that millisecond, or a post
      // tagged in it waits for the next run (re-reading the edge is harmless: placed posts are skipped).
      new Date(to.getTime() + 1),
      POSTS_PER_STEP,
    );
    const byDepartment = new Map<string, OnTopicPost[]>();
    for (const post of posts)
      byDepartment.set(post.departmentId, [...(byDepartment.get(post.departmentId) ?? []), post]);
    let themes = 0;
    for (const [departmentId, fresh] of byDepartment) {
      themes += await this.placeFor(tx, departmentId, fresh, now);
    }
    const full = posts.length === POSTS_PER_STEP;
    if (!full) await this.themes.setWatermark(tx, THEMES_WATERMARK, to);
    return { posts: posts.length, themes, caughtUp: !full && to.getTime() >= now.getTime() };
  }

  /** Places one department's new posts (and retries its unthemed ones); returns the number of themes made. */
  private async placeFor(
    tx: Queryable,
    departmentId: string,
    fresh: OnTopicPost[],
    now: Date,
  ): Promise<number> {
    const ignore = ignoredStems(await this.themes.departmentNames(tx, departmentId));
    const [catalogue, unthemed] = await Promise.all([
      this.themes.catalogue(tx, departmentId),
      this.themes.unthemed(tx, departmentId, new Date(now.getTime() - UNTHEMED_FOR_MS), UNTHEMED_AT_MOST),
    ]);
    const freshKeyphrases: PostKeyphrases[] = fresh.map((p) => ({
      id: p.id,
      keyphrases: keyphrasesOf(p.text, ignore),
    }));
    const { assigned, created } = groupPosts(catalogue, [...freshKeyphrases, ...unthemed]);
    const postOf = new Map<string, OnTopicPost>([...unthemed, ...fresh].map((p) => [p.id, p]));
    await this.themes.addThemes(
      tx,
      departmentId,
      created.map(({ key, label, keyphrases, representativePostId }) => {
        const post = postOf.get(representativePostId)!;
        const names = [post.authorName, post.authorHandle].filter((n): n is string => !!n);
        return {
          key,
          label,
          keyphrases,
          excerpt: redactExcerpt(post.text, { names, maxLength: EXCERPT_LENGTH }),
          excerptUrl: post.url,
        };
      }),
    );
    const placements: PostPlacement[] = [
      ...freshKeyphrases.map(({ id, keyphrases }) => {
        const themeKey = assigned.get(id) ?? null;
        return {
          postId: id,
          departmentId,
          themeKey,
          hour: postOf.get(id)!.hour,
          keyphrases: themeKey ? null : keyphrases,
        };
      }),
      ...unthemed
        .filter((p) => assigned.get(p.id))
        .map((p) => ({
          postId: p.id,
          departmentId,
          themeKey: assigned.get(p.id)!,
          hour: p.hour,
          keyphrases: null,
        })),
    ];
    await this.themes.place(tx, placements);
    const hours = [
      ...new Map(placements.map((p) => [new Date(p.hour).getTime(), new Date(p.hour)])).values(),
    ];
    await this.themes.recountHours(tx, departmentId, hours);
    return created.length;
  }
}
