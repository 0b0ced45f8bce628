/** Failed sign-ins an account takes before further attempts on it are slowed. */
const FREE_FAILURES = 4;
const FIRST_DELAY_MS = 250;
/** A few seconds at most: the delay slows a guesser down but never keeps the owner out. */
export const MAX_SIGN_IN_DELAY_MS = 3000;

/**
 * How long a sign-in to an account waits before its password is checked, given the account's recent failures
 * from anywhere: nothing at first, then doubling from a quarter of a second up to the cap. Every attempt waits,
 * the right password too, so the wait tells a guesser nothing.
 */
export const signInDelayMs = (failures: number): number =>
  failures <= FREE_FAILURES
    ? 0
    : Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1), MAX_SIGN_IN_DELAY_MS);
