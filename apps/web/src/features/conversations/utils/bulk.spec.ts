import type { ConversationTag } from '@parley/contracts';
import { describe, expect, it } from 'vitest';
import { bulkItems, bulkOutcome, isOpen } from './bulk';

const tag = (department: string, opportunityId: string, more: Partial<ConversationTag> = {}) =>
  ({ department, opportunityId, version: 3, status: 'new', ...more }) as ConversationTag;
const items = [
  { id: '1', title: 'Train strike', tags: [tag('dft', 'o1'), tag('dfe', 'o9')] },
  { id: '2', title: null, tags: [tag('dft', 'o2', { version: 7, status: 'declined' })] },
  { id: '3', title: 'Ferry', tags: [tag('dfe', 'o3')] },
];

describe('bulkItems', () => {
  it('takes the department’s opportunity of each selected conversation, with its version', () => {
    expect(bulkItems(items, new Set(['1', '2', '3']), 'dft')).toEqual([
      { id: 'o1', expectedVersion: 3 },
      { id: 'o2', expectedVersion: 7 },
    ]);
    expect(bulkItems(items, new Set(['2']), 'dft')).toEqual([{ id: 'o2', expectedVersion: 7 }]);
  });
});

describe('isOpen', () => {
  it('is open until the department’s work is finished', () => {
    expect(isOpen(items[0], 'dft')).toBe(true);
    expect(isOpen(items[1], 'dft')).toBe(false);
    expect(isOpen(items[2], 'dft')).toBe(false);
  });
});

describe('bulkOutcome', () => {
  it('counts what worked and says why each other item did not, by title', () => {
    const outcome = bulkOutcome(
      {
        results: [
          { id: 'o1', status: 200, version: 4, message: null },
          { id: 'o2', status: 409, version: null, message: 'Someone changed it since you loaded it.' },
        ],
      },
      items,
      'dft',
    );
    expect(outcome).toEqual({
      done: 1,
      failed: [
        {
          title: 'Untitled conversation',
          message: 'Someone changed it since you loaded it. The list now shows it as it is.',
        },
      ],
    });
  });
});
