import { Link } from 'react-router';
import type { Alert } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { formatCount, formatDateTime } from '../../../lib/format';
import { platformLabel } from '../../../lib/labels';
import { safeExternalUrl } from '../../../lib/safe-url';
import {
  accuracyInWords,
  baselineInWords,
  EXPECTED_EVENT_WORDS,
  measureInWords,
  newParticipantsInWords,
} from '../utils/alert-words';

type Explanation = Alert['explanation'];

const ExpectedEvent = ({ event }: { event: Explanation['expectedEvent'] }) =>
  event ? (
    <p className="inset-text">
      This rise falls inside an expected window: {event.name}, {EXPECTED_EVENT_WORDS[event.kind]}, from{' '}
      {formatDateTime(event.from)} to {formatDateTime(event.to)}. So it was held to a higher bar before
      alerting.
    </p>
  ) : (
    <p>It does not fall inside any expected event the department listed.</p>
  );

const Terms = ({ terms }: { terms: Explanation['terms'] }) => (
  <div className="table-scroll">
    <table className="table table--compact">
      <caption className="table__caption">
        Words used more than usual, against the baseline period before
      </caption>
      <thead>
        <tr>
          <th scope="col">Word or phrase</th>
          <th scope="col" className="table__numeric">
            Posts now
          </th>
          <th scope="col" className="table__numeric">
            Before
          </th>
        </tr>
      </thead>
      <tbody>
        {terms.map((t) => (
          <tr key={t.term}>
            <th scope="row">{t.term}</th>
            <td className="table__numeric">{formatCount(t.count)}</td>
            <td className="table__numeric">{formatCount(t.baselineCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const Sources = ({ sources }: { sources: Explanation['sources'] }) => (
  <div className="table-scroll">
    <table className="table table--compact">
      <caption className="table__caption">Where the posts come from</caption>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Platform</th>
          <th scope="col" className="table__numeric">
            Posts
          </th>
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => (
          <tr key={`${s.platform}-${s.name}`}>
            <th scope="row">{s.name}</th>
            <td>{platformLabel(s.platform)}</td>
            <td className="table__numeric">{formatCount(s.posts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

const Posts = ({ posts }: { posts: Explanation['posts'] }) => (
  <ol className="alert-posts">
    {posts.map((post) => {
      const href = safeExternalUrl(post.url);
      const by = post.author ?? 'Someone';
      return (
        <li key={post.id} className="alert-posts__post">
          <p className="alert-posts__meta">
            {by}, <DateTime value={post.publishedAt} variant="compact" /> ·{' '}
            {post.replies === 1 ? '1 reply' : `${formatCount(post.replies)} replies`} ·{' '}
            {plural(post.shares, 'share')}
          </p>
          <p>{post.excerpt}</p>
          <p>
            <Link className="link" to={`/conversations/${encodeURIComponent(post.conversationId)}`}>
              Open the conversation in Parley<span className="visually-hidden">: post by {by}</span>
            </Link>
            {href && (
              <>
                {' · '}
                <a className="link" href={href} rel="noreferrer noopener" target="_blank">
                  Open the post where it was published
                  <span className="visually-hidden"> by {by} (opens in a new tab)</span>
                </a>
              </>
            )}
          </p>
        </li>
      );
    })}
  </ol>
);

/** Why the alert was raised, in words and evidence, so a person can judge it without the chart. */
export const AlertEvidence = ({ alert }: { alert: Alert }) => {
  const e = alert.explanation;
  const newcomers = newParticipantsInWords(e.newParticipantsShare);
  const accuracy = accuracyInWords(e.classifierAccuracy);
  return (
    <section aria-labelledby="alert-why">
      <h2 id="alert-why" className="heading-m">
        Why Parley raised it
      </h2>
      <p className="lead">{e.summary}</p>
      <p>
        <strong>{measureInWords(alert.measure)}</strong> {baselineInWords(alert.measure)}
      </p>
      <ExpectedEvent event={e.expectedEvent} />
      {accuracy && <p>{accuracy}</p>}
      {newcomers && <p>{newcomers}</p>}
      {e.partners.length > 0 && (
        <p>
          Delivery partners named: <strong>{e.partners.join(', ')}</strong>.
        </p>
      )}
      <div className="alert-evidence">
        {e.terms.length > 0 ? <Terms terms={e.terms} /> : <p>No words stood out against the baseline.</p>}
        {e.hashtags.length > 0 && (
          <div>
            <h3 className="heading-s">Hashtags</h3>
            <ul className="list list--bullet">
              {e.hashtags.map((h) => (
                <li key={h.tag}>
                  {h.tag.startsWith('#') ? h.tag : `#${h.tag}`} ({plural(h.count, 'post')})
                </li>
              ))}
            </ul>
          </div>
        )}
        {e.sources.length > 0 && <Sources sources={e.sources} />}
      </div>
      <h3 className="heading-s">The most replied-to and shared posts</h3>
      {e.posts.length > 0 ? <Posts posts={e.posts} /> : <p>No single post stood out.</p>}
    </section>
  );
};
