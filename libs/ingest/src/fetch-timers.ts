import { FetchError } from './fetch-error';
import { formatDuration } from './fetch-format';

export type FetchTimers = {
  /** Aborted, with a FetchError as its reason, when either limit is hit. */
  signal: AbortSignal;
  /** Call whenever bytes arrive: the read timeout counts the silence since the last call. */
  touch: () => void;
  stop: () => void;
};

/**
 * A total deadline, and a read deadline that catches servers that drip bytes slowly enough to keep a
 * socket alive but would hold a worker for hours.
 */
export const startFetchTimers = (label: string, timeoutMs: number, readTimeoutMs: number): FetchTimers => {
  const controller = new AbortController();
  const abort = (message: string) => controller.abort(new FetchError('fetch_failed', message));
  const total = setTimeout(
    () =>
      abort(
        `${label} took longer than ${formatDuration(timeoutMs)} in total; the server is too slow, try again later`,
      ),
    timeoutMs,
  );
  const idle = setTimeout(
    () =>
      abort(
        `${label} stalled: no data for ${formatDuration(readTimeoutMs)}; the server is too slow, try again later`,
      ),
    readTimeoutMs,
  );
  return {
    signal: controller.signal,
    touch: () => idle.refresh(),
    stop: () => {
      clearTimeout(total);
      clearTimeout(idle);
    },
  };
};
