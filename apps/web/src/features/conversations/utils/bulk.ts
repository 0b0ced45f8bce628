import type { BulkResult, ConversationItem } from '@parley/contracts';
import { OPEN_STATUSES } from '@parley/domain';

type Item = Pick<ConversationItem, 'id' | 'title' | 'tags'>;

/** The department's opportunity of each selected conversation, with the version the page shows (for the 409 check). */
export const bulkItems = (
  items: Item[],
  selected: ReadonlySet<string>,
  department: string,
): { id: string; expectedVersion: number }[] =>
  items
    .filter((item) => selected.has(item.id))
    .flatMap((item) => item.tags.filter((t) => t.department === department))
    .map((tag) => ({ id: tag.opportunityId, expectedVersion: tag.version }));

/** Whether the department's work on this conversation can still be assigned or declined (it is not finished). */
export const isOpen = (item: Item, department: string): boolean =>
  item.tags.some(
    (t) => t.department === department && (OPEN_STATUSES as readonly string[]).includes(t.status),
  );

export type BulkOutcome = { done: number; failed: { title: string; message: string }[] };

/** What happened, item by item, in the words the page shows: how many worked, and why each other one did not. */
export const bulkOutcome = (result: BulkResult, items: Item[], department: string): BulkOutcome => {
  const titleOf = new Map(
    items.flatMap((item) =>
      item.tags
        .filter((t) => t.department === department)
        .map((t) => [t.opportunityId, item.title || 'Untitled conversation'] as const),
    ),
  );
  const failed = result.results.filter((r) => r.status >= 300);
  return {
    done: result.results.length - failed.length,
    failed: failed.map((r) => ({
      title: titleOf.get(r.id) ?? 'A conversation',
      message:
        r.status === 409
          ? `${r.message ?? 'It changed since this page loaded.'} The list now shows it as it is.`
          : (r.message ?? 'It could not be changed.'),
    })),
  };
};
