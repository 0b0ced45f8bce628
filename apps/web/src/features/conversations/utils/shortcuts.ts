export const SHORTCUTS = [
  { key: 'j', action: 'next', says: 'Go to the next conversation' },
  { key: 'k', action: 'previous', says: 'Go to the previous conversation' },
  { key: 'x', action: 'select', says: 'Select or unselect the current conversation' },
  { key: 'a', action: 'assign-to-me', says: 'Assign the current conversation to yourself' },
  { key: 'd', action: 'decline', says: 'Decline the current conversation (you choose a reason)' },
  { key: '?', action: 'help', says: 'Show these shortcuts' },
] as const;
export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

/** What a key press needs to say whether it is a shortcut (a subset of KeyboardEvent, so it can be tested). */
export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element the key was pressed in. */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
};

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
// Inputs that take no typing: a key pressed on a checkbox is still a shortcut.
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** Whether the key went to a field someone types into (then no letter is a shortcut). */
const isTyping = (target: KeyPress['target']): boolean => {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'INPUT') return !NOT_TYPED.has((target.type ?? 'text').toLowerCase());
  return TYPING_TAGS.has(tag);
};

/**
 * The inbox action a key press asks for, or null: never while typing in a field, and never with Ctrl, Cmd or Alt
 * (those belong to the browser and assistive technology). Shift is allowed, since "?" needs it on most keyboards.
 */
export const shortcutFor = (press: KeyPress): ShortcutAction | null => {
  if (press.ctrlKey || press.metaKey || press.altKey || isTyping(press.target)) return null;
  return SHORTCUTS.find((s) => s.key === press.key)?.action ?? null;
};
