/** One already-aggregated row of a chart: a label and its values (null where a bucket has no data). */
export type ChartRow = Record<string, string | number | boolean | null>;

export const defaultFormatter = (value: number): string => new Intl.NumberFormat('en-GB').format(value);

export const asNumber = (value: unknown): number => (typeof value === 'number' ? value : Number(value) || 0);

/** Axis and grid colours: GOV.UK text and border greys, each at least 3:1 on white. */
export const AXIS = { tick: { fill: '#0b0c0c' }, stroke: '#505a5f', grid: '#b1b4b6' } as const;
