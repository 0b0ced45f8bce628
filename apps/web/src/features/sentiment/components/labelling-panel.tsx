import { useEffect, useRef, useState } from 'react';
import type { SentimentSamplePost } from '@parley/contracts';
import type { SentimentLabel } from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { safeExternalUrl } from '../../../lib/safe-url';
import { useSentimentAccuracy } from '../api/get-accuracy';
import { useSentimentSample } from '../api/get-sample';
import { useSaveSentimentLabel } from '../api/save-label';
import { accuracySummary, recallSummary } from '../utils/accuracy-summary';

/** The choices, in the order of their keys: 1, 2, 3, and S to skip. */
const CHOICES: { label: SentimentLabel; text: string; key: string }[] = [
  { label: 'negative', text: 'Negative', key: '1' },
  { label: 'neutral', text: 'Neutral', key: '2' },
  { label: 'positive', text: 'Positive', key: '3' },
];
const SKIP_KEY = 's';

type LabellingPanelProps = { department: string; departmentName: string };

export const LabellingPanel = ({ department, departmentName }: LabellingPanelProps) => {
  const sample = useSentimentSample(department);
  const accuracy = useSentimentAccuracy(department);
  return (
    <>
      <section aria-labelledby="sentiment-accuracy-heading" className="sentiment-accuracy">
        <h2 id="sentiment-accuracy-heading" className="heading-m">
          How accurate the classifier is
        </h2>
        {accuracy.isPending ? (
          <Loading label="Loading the classifier’s accuracy" />
        ) : accuracy.isError ? (
          <ErrorPanel title="The accuracy could not be loaded" error={accuracy.error} />
        ) : (
          <>
            <p>{accuracySummary(accuracy.data.accuracy)}</p>
            {recallSummary(accuracy.data.accuracy) && <p>{recallSummary(accuracy.data.accuracy)}</p>}
          </>
        )}
      </section>
      {sample.isPending ? (
        <Loading label="Choosing posts to label" />
      ) : sample.isError ? (
        <ErrorPanel
          title="Posts to label could not be loaded"
          error={sample.error}
          onRetry={() => void sample.refetch()}
        />
      ) : sample.data.items.length === 0 ? (
        <EmptyState title="There are no posts to label">
          <p>
            Every recent public post about {departmentName} has been labelled, or none has been collected in
            the last 30 days.
          </p>
        </EmptyState>
      ) : (
        <Labeller
          key={sample.dataUpdatedAt}
          department={department}
          posts={sample.data.items}
          onMore={() => void sample.refetch()}
        />
      )}
    </>
  );
};

type LabellerProps = { department: string; posts: SentimentSamplePost[]; onMore: () => void };

/** One post at a time; the keys 1, 2, 3 and S answer without reaching for the mouse. */
const Labeller = ({ department, posts, onMore }: LabellerProps) => {
  const [index, setIndex] = useState(0);
  const [done, setDone] = useState({ labelled: 0, skipped: 0 });
  const [announcement, setAnnouncement] = useState('');
  const save = useSaveSentimentLabel();
  const heading = useRef<HTMLHeadingElement>(null);
  const post = posts[index];
  const link = safeExternalUrl(post?.url);

  const next = (message: string, labelled: boolean) => {
    setDone((d) => (labelled ? { ...d, labelled: d.labelled + 1 } : { ...d, skipped: d.skipped + 1 }));
    setAnnouncement(message);
    setIndex((i) => i + 1);
  };

  const choose = (choice: (typeof CHOICES)[number]) => {
    if (!post || save.isPending) return;
    save.mutate(
      { department, postId: post.id, label: choice.label },
      { onSuccess: () => next(`Saved as ${choice.text.toLowerCase()}.`, true) },
    );
  };
  const skip = () => post && !save.isPending && next('Skipped.', false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input, textarea, select')) return;
      const choice = CHOICES.find((c) => c.key === event.key);
      if (choice) choose(choice);
      else if (event.key.toLowerCase() === SKIP_KEY) skip();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // Focus follows the post, so a screen reader reads the next one out and the keys keep working.
  useEffect(() => heading.current?.focus(), [index]);

  return (
    <section aria-labelledby="sentiment-post-heading" className="sentiment-labeller">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {post ? (
        <>
          <h2 id="sentiment-post-heading" className="heading-m" tabIndex={-1} ref={heading}>
            Post {index + 1} of {posts.length}
          </h2>
          <p className="hint">
            Is this post negative, neutral or positive about the subject it discusses? Press 1, 2 or 3, or S
            to skip.
          </p>
          <figure className="sentiment-post">
            <blockquote className="sentiment-post__text">{post.text}</blockquote>
            <figcaption className="sentiment-post__meta">
              {post.author || 'Unknown author'} on {post.platform}, <DateTime value={post.publishedAt} />
              {link && (
                <>
                  {' · '}
                  <a className="link" href={link} target="_blank" rel="noreferrer noopener">
                    Open the post (opens in a new tab)
                  </a>
                </>
              )}
            </figcaption>
          </figure>
          {save.isError && <ErrorPanel title="The label could not be saved" error={save.error} />}
          <div className="button-group" role="group" aria-label="Label this post">
            {CHOICES.map((choice) => (
              <Button
                key={choice.label}
                variant="secondary"
                onClick={() => choose(choice)}
                disabled={save.isPending}
                aria-keyshortcuts={choice.key}
              >
                {choice.text} <span className="sentiment-key">({choice.key})</span>
              </Button>
            ))}
            <Button variant="link" onClick={skip} disabled={save.isPending} aria-keyshortcuts="S">
              Skip <span className="sentiment-key">(S)</span>
            </Button>
          </div>
        </>
      ) : (
        <>
          <h2 id="sentiment-post-heading" className="heading-m" tabIndex={-1} ref={heading}>
            Thank you
          </h2>
          <p>
            You labelled {done.labelled} {done.labelled === 1 ? 'post' : 'posts'} and skipped {done.skipped}.
          </p>
          <Button onClick={onMore}>Label more posts</Button>
        </>
      )}
    </section>
  );
};
