import { describe, expect, it } from 'vitest';
import { MAX_SIGN_IN_DELAY_MS, signInDelayMs } from './sign-in';

describe('signInDelayMs', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 250],
    [6, 500],
    [7, 1000],
    [8, 2000],
    [9, MAX_SIGN_IN_DELAY_MS],
    [10_000, MAX_SIGN_IN_DELAY_MS],
  ])('after %i failures waits %i ms', (failures, ms) => {
    expect(signInDelayMs(failures)).toBe(ms);
  });
});
