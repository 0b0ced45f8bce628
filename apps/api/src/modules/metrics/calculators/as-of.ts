import type { Window } from '@parley/domain';

/** The moment a window is read at: its end, or now while it is still running. */
export const asOf = (window: Window, now = new Date()): Date => (window.to < now ? window.to : now);
