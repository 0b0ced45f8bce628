import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, formatDateTimeCompact, formatDuration, formatRelative } from './format';
import { changeLanguage } from './i18n';

describe('formatDateTime', () => {
  it.each([
    ['2025-11-04T14:05:00Z', '4 November 2025 at 14:05 GMT'],
    // British Summer Time: the same UTC clock reads an hour later in London.
    ['2025-07-04T14:05:00Z', '4 July 2025 at 15:05 BST'],
    // Just before midnight UTC in summer is already the next day in London.
    ['2025-06-30T23:30:00Z', '1 July 2025 at 00:30 BST'],
  ])('%s → %s', (iso, expected) => expect(formatDateTime(iso)).toBe(expected));

  it.each([[null], ['not a date']])('%s → null', (value) => expect(formatDateTime(value)).toBeNull());
});

describe('formatRelative', () => {
  const now = new Date('2025-11-04T12:00:00Z');
  it.each([
    ['2025-11-04T11:59:30Z', 'just now'],
    ['2025-11-04T12:00:20Z', 'just now'],
    ['2025-11-04T11:55:00Z', '5 minutes ago'],
    ['2025-11-04T09:00:00Z', '3 hours ago'],
    ['2025-11-03T12:00:00Z', 'yesterday'],
    ['2025-10-31T12:00:00Z', '4 days ago'],
    ['2025-10-21T12:00:00Z', '2 weeks ago'],
    ['2025-08-01T12:00:00Z', '3 months ago'],
    ['2023-11-01T12:00:00Z', '2 years ago'],
    ['2025-11-04T12:10:00Z', 'in 10 minutes'],
  ])('%s → %s', (iso, expected) => expect(formatRelative(iso, now)).toBe(expected));

  it('returns null for a missing time', () => expect(formatRelative(null, now)).toBeNull());
});

describe('formatDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [45, '45 seconds'],
    [60, '1 minute'],
    [1800, '30 minutes'],
    [3600, '1 hour'],
    [7500, '2 hours 5 minutes'],
    [86_400 + 4 * 3600, '1 day 4 hours'],
    // Two units at most: the minutes of a multi-day wait are noise.
    [2 * 86_400 + 5 * 60, '2 days'],
    [-5, '0 seconds'],
  ])('%i seconds → %s', (seconds, expected) => expect(formatDuration(seconds)).toBe(expected));
});

describe('formatDateTimeCompact', () => {
  it.each([
    ['2025-11-04T14:05:00Z', '4 Nov 2025, 14:05 GMT'],
    ['2025-07-04T14:05:00Z', '4 Jul 2025, 15:05 BST'],
  ])('%s → %s', (iso, expected) => expect(formatDateTimeCompact(iso)).toBe(expected));
});

describe('in Welsh', () => {
  beforeAll(() => changeLanguage('cy'));
  afterAll(() => changeLanguage('en'));

  it('writes dates with Welsh month names and words, still in UK time', () => {
    expect(formatDateTime('2025-11-04T14:05:00Z')).toBe('4 Tachwedd 2025 am 14:05 GMT');
    // The Welsh locale data has no short name for British Summer Time: it says the offset.
    expect(formatDateTime('2025-07-04T14:05:00Z')).toBe('4 Gorffennaf 2025 am 15:05 GMT+1');
  });

  it('says relative times in Welsh, "nawr" for under a minute', () => {
    const now = new Date('2025-11-04T12:00:00Z');
    expect(formatRelative('2025-11-04T11:59:30Z', now)).toBe('nawr');
    expect(formatRelative('2025-11-04T09:00:00Z', now)).toBe('3 awr yn ôl');
  });

  it('groups thousands as Welsh does', () => expect(formatCount(12345)).toBe('12,345'));
});
