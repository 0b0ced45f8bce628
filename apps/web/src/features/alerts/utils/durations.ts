/** The lengths offered for a snooze or a mute, as people choose them; `until` is counted from the moment of sending. */
export const SNOOZE_FOR = [
  { value: '1h', label: 'One hour', hours: 1 },
  { value: '4h', label: 'Four hours', hours: 4 },
  { value: '1d', label: 'One day', hours: 24 },
  { value: '3d', label: 'Three days', hours: 72 },
] as const;

export const MUTE_FOR = [
  { value: '1d', label: 'One day', hours: 24 },
  { value: '1w', label: 'One week', hours: 7 * 24 },
  { value: '4w', label: 'Four weeks', hours: 28 * 24 },
] as const;

export const untilAfter = (hours: number, now: Date): string =>
  new Date(now.getTime() + hours * 3_600_000).toISOString();
