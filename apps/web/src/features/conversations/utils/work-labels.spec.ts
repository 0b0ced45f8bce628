import { describe, expect, it } from 'vitest';
import { assigneeText, dueText } from './work-labels';

const NOW = new Date('2026-12-01T10:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('dueText', () => {
  it.each([
    [{ dueAt: at(2 * HOUR + 5 * MINUTE), sla: 'ok' as const }, 'Due in 2 hours'],
    [{ dueAt: at(HOUR), sla: 'due-soon' as const }, 'Due in 1 hour'],
    [{ dueAt: at(25 * MINUTE), sla: 'due-soon' as const }, 'Due in 25 minutes'],
    [{ dueAt: at(20 * 1000), sla: 'due-soon' as const }, 'Due in 1 minute'],
    [{ dueAt: at(3 * DAY), sla: 'ok' as const }, 'Due in 3 days'],
    [{ dueAt: at(-DAY - HOUR), sla: 'overdue' as const }, 'Overdue by 1 day'],
    [{ dueAt: at(-5 * HOUR), sla: 'overdue' as const }, 'Overdue by 5 hours'],
    // Read a moment after the api said "due soon": the deadline has passed since.
    [{ dueAt: at(-2 * MINUTE), sla: 'due-soon' as const }, 'Overdue by 2 minutes'],
    [{ dueAt: at(-HOUR), sla: null }, null],
    [{ dueAt: null, sla: null }, null],
  ])('%o → %s', (tag, expected) => expect(dueText(tag, NOW)).toBe(expected));
});

describe('assigneeText', () => {
  it.each([
    [null, 'Nobody is assigned'],
    [{ id: 'u1', name: 'Priya Shah' }, 'Assigned to you'],
    [{ id: 'u2', name: 'Sam Patel' }, 'Assigned to Sam Patel'],
  ])('%o → %s', (assignee, expected) => expect(assigneeText(assignee, 'u1')).toBe(expected));
});
