import type { GcsStage, MetricId } from '@parley/domain';

/** The GCS Evaluation Cycle's stages in the words the guidance uses. */
export const STAGE_NAMES: Record<GcsStage, string> = {
  inputs: 'Inputs',
  outputs: 'Outputs',
  outtakes: 'Outtakes',
  outcomes: 'Outcomes',
  impact: 'Impact',
  learning: 'Learning and innovation',
};

/**
 * The one metric that heads each stage on the evaluation dashboard: the figure a manager is asked for first at
 * that stage. An objective whose metric sits at a stage takes its place there (see `stageHeadline`).
 */
export const STAGE_HEADLINES: Record<GcsStage, MetricId> = {
  inputs: 'opportunities',
  outputs: 'response_rate',
  outtakes: 'net_sentiment',
  outcomes: 'close_the_loop',
  impact: 'policy_influence',
  learning: 'lessons',
};
