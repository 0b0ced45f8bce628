import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useActiveTooltipDataPoints } from 'recharts';

type TrackerProps<T> = { onChange: (row: T | null) => void };

/** Rendered inside a Recharts chart: reports the row under the pointer or the keyboard's arrow keys. */
const ActiveRowTracker = <T,>({ onChange }: TrackerProps<T>) => {
  const points = useActiveTooltipDataPoints<T>();
  const row = points?.[0] ?? null;
  useEffect(() => onChange(row), [row, onChange]);
  return null;
};

/**
 * Drill-down from a chart: Recharts' accessibility layer moves the active bar or point with the arrow keys, so
 * Enter (or a click) opens the row that is active, the same row the tooltip shows.
 */
export const useDrillDown = <T,>(onSelect: ((row: T) => void) | undefined) => {
  const active = useRef<T | null>(null);
  const track = (row: T | null) => {
    active.current = row;
  };
  const select = () => {
    if (onSelect && active.current) onSelect(active.current);
  };
  return {
    tracker: onSelect ? <ActiveRowTracker<T> onChange={track} /> : null,
    canvasProps: onSelect
      ? {
          onClick: select,
          onKeyDown: (event: KeyboardEvent) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              select();
            }
          },
          className: 'chart__canvas chart__canvas--drill',
        }
      : { className: 'chart__canvas' },
  };
};
