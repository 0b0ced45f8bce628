import { useTranslation } from 'react-i18next';

type ScoreMeterProps = { score: number };

const clamp = (value: number) => Math.min(100, Math.max(0, Math.round(value)));

/** The number is the information; the bar is a quick visual cue and is hidden from assistive technology. */
export const ScoreMeter = ({ score }: ScoreMeterProps) => {
  const { t } = useTranslation();
  const value = clamp(score);
  return (
    <div className="score">
      <span className="score__value">
        {value}
        <span className="score__out-of">{t('card.outOf')}</span>
      </span>
      <span className="score__track" aria-hidden="true">
        <span className="score__fill" style={{ width: `${value}%` }} />
      </span>
    </div>
  );
};
