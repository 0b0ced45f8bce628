import type { AlertExplanation, AlertMeasure, ResistCaseFields } from '@parley/contracts';
import type { AlertRow } from '@parley/db';
import { alertHeadline } from '@parley/domain';

const TITLE_MAX = 200;
const CONVERSATIONS_MAX = 200;

const listed = (items: string[]) => (items.length ? items.join(', ') : 'none found');
const share = (n: number | null) => (n === null ? 'not known' : `${Math.round(n * 100)}%`);

/**
 * A new case's fields from the alert it is opened from, so the team starts from the evidence rather than a blank
 * form: what rose and the words it rose with (recognise), where it comes from (early warning), the numbers and any
 * expected event (situational insight), and the conversations behind the most shared posts. The later stages
 * (impact, response, outcome) are the team's judgement and start empty.
 */
export const prefillCase = (row: AlertRow): ResistCaseFields => {
  const measure = row.measure as AlertMeasure;
  const explanation = row.explanation as AlertExplanation;
  const headline = alertHeadline({ kind: row.kind, scopeLabel: row.scopeLabel, measure });
  const terms = explanation.terms.map((t) => t.term);
  const hashtags = explanation.hashtags.map((h) => `#${h.tag.replace(/^#/, '')}`);
  const sources = explanation.sources.map((s) => `${s.name} (${s.platform}, ${s.posts} posts)`);
  const expected = explanation.expectedEvent
    ? `It falls within an expected event: ${explanation.expectedEvent.name}.`
    : 'It does not fall within any expected event.';
  return {
    title: headline.length > TITLE_MAX ? `${headline.slice(0, TITLE_MAX - 1)}…` : headline,
    recognise: [
      explanation.summary,
      `Terms rising against the baseline: ${listed(terms)}.`,
      `Hashtags: ${listed(hashtags)}.`,
      ...(explanation.partners.length
        ? [`Delivery partners named: ${explanation.partners.join(', ')}.`]
        : []),
    ].join('\n'),
    earlyWarning: `Where it comes from: ${listed(sources)}. Share of new participants: ${share(explanation.newParticipantsShare)}.`,
    situationalInsight: [
      `Observed ${measure.observed} ${measure.unit} against ${measure.expected} expected (threshold ${measure.threshold}), from ${measure.n} posts; the baseline stands on ${measure.baselineN} posts.`,
      expected,
      ...(explanation.classifierAccuracy !== null
        ? [
            `The sentiment classifier's measured accuracy is ${Math.round(explanation.classifierAccuracy * 100)}%.`,
          ]
        : []),
    ].join('\n'),
    impactLikelihood: null,
    impactSeverity: null,
    impactAnalysis: '',
    strategicCommunication: '',
    trackOutcomes: '',
    conversationIds: [...new Set(explanation.posts.map((p) => p.conversationId))]
      .filter((id) => /^\d{1,18}$/.test(id))
      .slice(0, CONVERSATIONS_MAX),
    objectiveIds: [],
    lessonIds: [],
  };
};
