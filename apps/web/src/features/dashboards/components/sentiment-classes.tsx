import type { NetSentimentDetail } from '@parley/contracts';
import { BarChart } from '../../../components/charts/bar-chart';
import { summariseBars } from '../../../components/charts/summaries';
import { formatCount } from '../../../lib/format';
import { SENTIMENT_CLASSES, SENTIMENT_NAMES } from '../utils/metric-detail';
import { NotYet } from './not-yet';

type SentimentClass = (typeof SENTIMENT_CLASSES)[number];

type SentimentClassesProps = {
  counts: NetSentimentDetail['counts'] | null;
  onSelect: (sentiment: SentimentClass, name: string) => void;
};

const TITLE = 'Posts by tone';

/** The period's posts by class (a person's label overriding the classifier), each bar opening its posts. */
export const SentimentClasses = ({ counts, onSelect }: SentimentClassesProps) => {
  if (!counts) return <NotYet title={TITLE} />;
  const rows = SENTIMENT_CLASSES.map((key) => ({ Tone: SENTIMENT_NAMES[key], Posts: counts[key], key }));
  if (rows.every((row) => row.Posts === 0))
    return <NotYet title={TITLE}>No public posts about the department in this period.</NotYet>;
  return (
    <BarChart
      data={rows}
      index="Tone"
      categories={['Posts']}
      title={TITLE}
      summary={summariseBars(
        'Posts',
        rows.map((row) => ({ label: row.Tone.toLowerCase(), value: row.Posts })),
        formatCount,
      )}
      onSelect={(row) => onSelect(row.key, row.Tone)}
    />
  );
};
