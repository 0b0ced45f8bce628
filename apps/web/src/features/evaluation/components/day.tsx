import { formatDay } from '../utils/record-words';

/** A record's day, as it was entered. */
export const Day = ({ value }: { value: string }) => <time dateTime={value}>{formatDay(value)}</time>;
