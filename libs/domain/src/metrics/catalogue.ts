/**
 * The metrics of METRICS.md, one entry per id, in the words shown to people on "how is this worked out". A report
 * states METRICS_DEFINITIONS_VERSION; raise it whenever a formula, its data or its unit changes meaning, so two
 * reports with the same version are comparable.
 */
export const METRICS_DEFINITIONS_VERSION = '2026-12-01.2';

/** P public post data · L Parley's own log · M entered by a person. */
export type MetricData = 'P' | 'L' | 'M';

/** The six stages of the GCS Evaluation Cycle (2024), in order. */
export const GCS_STAGES = ['inputs', 'outputs', 'outtakes', 'outcomes', 'impact', 'learning'] as const;
export type GcsStage = (typeof GCS_STAGES)[number];

/**
 * count · percent (0–100; its change is in points) · ratio (a rate such as reposts per post; its change is
 * relative) · minutes (a duration) · level (the 0–3 policy-influence scale) · currency (pounds sterling).
 */
export type MetricUnit = 'count' | 'percent' | 'ratio' | 'minutes' | 'level' | 'currency';
export type MetricAudience = 'comms' | 'policy' | 'manager';

export type MetricDefinition = {
  id: string;
  name: string;
  formula: string;
  data: readonly MetricData[];
  /** Every GCS stage the metric is labelled with; the first is where a dashboard tile shows it. */
  stages: readonly GcsStage[];
  /** The other framework's word for the stage, where METRICS.md gives one (Insight, AMEC's Exposure, …). */
  alsoKnownAs?: string;
  unit: MetricUnit;
  audience: readonly MetricAudience[];
};

const metric = <const Id extends string>(definition: MetricDefinition & { id: Id }) => definition;

export const METRICS = [
  metric({
    id: 'opportunities',
    name: 'Opportunities found',
    formula:
      'The number of distinct conversations in which Parley found a new opportunity for the department, by rule, theme and source.',
    data: ['P'],
    stages: ['inputs'],
    alsoKnownAs: 'Insight',
    unit: 'count',
    audience: ['comms', 'policy'],
  }),
  metric({
    id: 'coverage',
    name: 'Participation coverage',
    formula:
      'Opportunities the department took part in at least once, divided by all opportunities. Counted for the opportunities found in the period, as they stood at its end.',
    data: ['P', 'L'],
    stages: ['outputs'],
    unit: 'percent',
    audience: ['comms', 'manager'],
  }),
  metric({
    id: 'activity',
    name: 'Department activity',
    formula: 'The number of engagements, by type (reply, pointer, original post) and by route.',
    data: ['L'],
    stages: ['outputs'],
    unit: 'count',
    audience: ['manager'],
  }),
  metric({
    id: 'clearance_time',
    name: 'Clearance load and time',
    formula:
      'The share of engagements that went through clearance; and the median and 90th percentile of the time from when a draft was first written to its first approval.',
    data: ['L'],
    stages: ['inputs'],
    unit: 'minutes',
    audience: ['manager'],
  }),
  metric({
    id: 'first_response',
    name: 'First-response time',
    formula:
      'For each conversation, the time from its first public post to the department’s first engagement; shown as the median, the 90th percentile and the share within the service level. Conversations not yet answered are the open backlog, shown with their age and never guessed. Counted for the opportunities found in the period, as they stood at its end.',
    data: ['P', 'L'],
    stages: ['outputs'],
    unit: 'minutes',
    audience: ['manager'],
  }),
  metric({
    id: 'response_rate',
    name: 'Response rate within the service level',
    formula:
      'Opportunities needing a response that were answered within the service level, divided by opportunities needing a response. Those closed without a reply (declined, referred) do not need one; those still inside the service level are not yet counted. Abusive items are counted apart. Counted for the opportunities found in the period, as they stood at its end.',
    data: ['P', 'L'],
    stages: ['outputs'],
    unit: 'percent',
    audience: ['comms', 'manager'],
  }),
  metric({
    id: 'resolution_rate',
    name: 'Resolution rate',
    formula:
      'Engaged opportunities closed as answered, pointed to a resource or resolved offline, divided by engaged opportunities.',
    data: ['L'],
    stages: ['outtakes'],
    unit: 'percent',
    audience: ['comms', 'manager'],
  }),
  metric({
    id: 'declined',
    name: 'Decisions not to engage',
    formula: 'The number of opportunities declined, by reason; and how long the decision took.',
    data: ['L'],
    stages: ['learning'],
    unit: 'count',
    audience: ['manager'],
  }),
  metric({
    id: 'potential_reach',
    name: 'Potential earned reach',
    formula:
      'The sum of the followers of the distinct people who mentioned or shared the department’s content. An upper bound: not everyone who follows them saw it. Posts by authors the department flagged as spam or bots are left out, and how many were left out is shown.',
    data: ['P'],
    stages: ['outputs'],
    alsoKnownAs: 'Exposure',
    unit: 'count',
    audience: ['comms', 'manager'],
  }),
  metric({
    id: 'share_of_voice',
    name: 'Share of voice',
    formula:
      'Mentions of the department divided by mentions of everyone in the comparison set, as a percentage, within a topic. Posts by authors the department flagged as spam or bots are left out, and how many were left out is shown.',
    data: ['P'],
    stages: ['outputs'],
    unit: 'percent',
    audience: ['comms', 'manager'],
  }),
  metric({
    id: 'velocity',
    name: 'Mention velocity and spikes',
    formula:
      'Mentions per hour. A spike is when the average of the last 24 hours is more than 2 standard deviations above the hourly average of the 7 days before (not shown when those 7 days vary not at all or hold fewer than 50 mentions). Also the last hour divided by the hourly average of the 12 hours before. Posts by authors the department flagged as spam or bots are left out, and how many were left out is shown.',
    data: ['P'],
    stages: ['inputs'],
    alsoKnownAs: 'Insight',
    unit: 'count',
    audience: ['comms'],
  }),
  metric({
    id: 'theme_share',
    name: 'Themes',
    formula:
      'Mentions of a theme divided by on-topic mentions, as a percentage; its change is in points. Posts by authors the department flagged as spam or bots are left out, and how many were left out is shown.',
    data: ['P'],
    stages: ['outtakes'],
    unit: 'percent',
    audience: ['policy'],
  }),
  metric({
    id: 'engagement_rate_followers',
    name: 'Engagement rate by followers',
    formula:
      'For each of the department’s posts, likes, reposts and replies by others divided by the account’s followers when it posted, as a percentage; averaged over the posts. Also worked out for peer accounts.',
    data: ['P'],
    stages: ['outtakes'],
    alsoKnownAs: 'Engagement',
    unit: 'percent',
    audience: ['comms', 'manager'],
  }),
  metric({
    id: 'amplification',
    name: 'Amplification',
    formula: 'Reposts of the department’s posts divided by its posts (also per 1,000 followers).',
    data: ['P'],
    stages: ['outtakes'],
    alsoKnownAs: 'Engagement',
    unit: 'ratio',
    audience: ['comms'],
  }),
  metric({
    id: 'applause',
    name: 'Applause',
    formula: 'Likes of the department’s posts divided by its posts (also per 1,000 followers).',
    data: ['P'],
    stages: ['outtakes'],
    alsoKnownAs: 'Engagement',
    unit: 'ratio',
    audience: ['comms'],
  }),
  metric({
    id: 'conversation',
    name: 'Conversation',
    formula:
      'Replies by others to the department’s posts divided by its posts (also per 1,000 followers). Replies by others are the direct replies the platform counts, less the department’s own replies in the thread; where a platform gives no count, the direct replies by others that Parley stored.',
    data: ['P'],
    stages: ['outtakes'],
    alsoKnownAs: 'Engagement',
    unit: 'ratio',
    audience: ['comms'],
  }),
  metric({
    id: 'net_sentiment',
    name: 'Net sentiment',
    formula:
      'Positive posts minus negative posts, divided by all posts, as a percentage; shown with the number of posts and how accurate the classifier was when people checked it. Posts by authors the department flagged as spam or bots are left out, and how many were left out is shown.',
    data: ['P'],
    stages: ['outtakes'],
    alsoKnownAs: 'Influence',
    unit: 'percent',
    audience: ['policy', 'manager'],
  }),
  metric({
    id: 'sentiment_shift',
    name: 'Sentiment after engagement',
    formula:
      'For each conversation the department joined, net sentiment in the 48 hours after its first reply minus net sentiment before it; the median across conversations. This is an association, not proof of cause. Posts by authors the department flagged as spam or bots are left out, and how many were left out is shown.',
    data: ['P', 'L'],
    stages: ['outtakes'],
    unit: 'percent',
    audience: ['comms', 'policy'],
  }),
  metric({
    id: 'returning_participants',
    name: 'Relationships',
    formula:
      'People the department engaged with in two or more conversations, divided by all the people it engaged with.',
    data: ['P', 'L'],
    stages: ['outtakes'],
    unit: 'percent',
    audience: ['manager'],
  }),
  metric({
    id: 'triangle_mix',
    name: 'Engagement mode mix',
    formula:
      'The share of engagements that transmit, receive or collaborate. The headline figure is the share that was two-way (listening or working with people).',
    data: ['L'],
    stages: ['outputs'],
    unit: 'percent',
    audience: ['manager', 'policy'],
  }),
  metric({
    id: 'close_the_loop',
    name: 'Close-the-loop rate',
    formula: 'Closed exercises where a “you said, we did” update was posted, divided by closed exercises.',
    data: ['L'],
    stages: ['outcomes'],
    unit: 'percent',
    audience: ['policy', 'manager'],
  }),
  metric({
    id: 'governance',
    name: 'Governance',
    formula:
      'Engagements made from the department’s identified accounts divided by all engagements (target 100%); announcements made without referral to the press office (target none); propriety warnings overridden, with the reasons given.',
    data: ['L'],
    stages: ['inputs'],
    unit: 'percent',
    audience: ['manager'],
  }),
  metric({
    id: 'policy_influence',
    name: 'Policy influence',
    formula:
      'For each exercise, followed up at 3, 6 and 12 months: 0 none, 1 insight sent to the policy team, 2 insight cited in a submission or options paper, 3 a decision or text changed. The share of exercises at level 2 or above, with the evidence.',
    data: ['M', 'L'],
    stages: ['impact'],
    unit: 'percent',
    audience: ['policy', 'manager'],
  }),
  metric({
    id: 'surveyed_outcome',
    name: 'Surveyed outcome change',
    formula:
      'The percentage agreeing after minus the percentage agreeing before, with the number asked, the method and a confidence interval.',
    data: ['M'],
    stages: ['outcomes'],
    unit: 'percent',
    audience: ['policy', 'manager'],
  }),
  metric({
    id: 'lessons',
    name: 'Learning record',
    formula: 'Closed exercises with at least one “what didn’t work” entry, divided by closed exercises.',
    data: ['M', 'L'],
    stages: ['learning'],
    unit: 'percent',
    audience: ['manager'],
  }),
  metric({
    id: 'input_cost',
    name: 'Cost per action',
    formula: 'Staff hours times their rate, plus a share of the tool’s cost, divided by engagements.',
    data: ['M', 'L'],
    stages: ['inputs'],
    unit: 'currency',
    audience: ['manager'],
  }),
] as const satisfies readonly MetricDefinition[];

export type MetricId = (typeof METRICS)[number]['id'];

export const METRIC_IDS: readonly MetricId[] = METRICS.map((m) => m.id);

const BY_ID = new Map<string, MetricDefinition>(METRICS.map((m) => [m.id, m]));

export const isMetricId = (id: string): id is MetricId => BY_ID.has(id);

export const metricDefinition = (id: MetricId): MetricDefinition => BY_ID.get(id) as MetricDefinition;
