import type { MetricId } from '@parley/domain';

export type DashboardRow = { id: string; title: string; intro: string; metrics: MetricId[] };

/** The rows of METRICS.md's "Manager's evaluation dashboard", after the six stage tiles. */
export const EVALUATION_ROWS: DashboardRow[] = [
  {
    id: 'responsiveness',
    title: 'Responsiveness',
    intro: 'How quickly and how often the department answered.',
    metrics: ['response_rate', 'first_response', 'clearance_time'],
  },
  {
    id: 'reach',
    title: 'Reach and conversation',
    intro: 'How much the department was talked about, by whom, and in what tone.',
    metrics: ['share_of_voice', 'potential_reach', 'velocity', 'net_sentiment', 'theme_share'],
  },
  {
    id: 'quality',
    title: 'Engagement quality',
    intro: 'How people responded to the department’s own posts.',
    metrics: ['engagement_rate_followers', 'amplification', 'applause', 'conversation'],
  },
  {
    id: 'participation',
    title: 'Participation',
    intro: 'Which conversations the department joined, and how.',
    metrics: ['coverage', 'activity', 'triangle_mix', 'returning_participants'],
  },
  {
    id: 'outcomes',
    title: 'Outcomes and impact',
    intro: 'What changed after the department took part. Associations, not proof of cause.',
    metrics: ['resolution_rate', 'sentiment_shift', 'close_the_loop', 'surveyed_outcome', 'policy_influence'],
  },
  {
    id: 'governance',
    title: 'Governance and learning',
    intro: 'Whether the department took part properly, and what it learned.',
    metrics: ['governance', 'declined', 'lessons', 'input_cost'],
  },
];

/** The engagement dashboard's tiles, for comms teams. */
export const ENGAGEMENT_TILES: MetricId[] = [
  'opportunities',
  'coverage',
  'response_rate',
  'resolution_rate',
  'potential_reach',
];

/** The department's own posts: how people responded to them. */
export const OWN_POST_TILES: MetricId[] = [
  'engagement_rate_followers',
  'amplification',
  'applause',
  'conversation',
];
