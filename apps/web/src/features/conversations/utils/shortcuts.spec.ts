import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyPress } from './shortcuts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: { tagName: 'BODY' },
  ...more,
});

describe('shortcutFor', () => {
  it.each([
    ['j', 'next'],
    ['k', 'previous'],
    ['x', 'select'],
    ['a', 'assign-to-me'],
    ['d', 'decline'],
    ['?', 'help'],
    ['q', null],
    ['J', null],
    ['Enter', null],
  ])('%s → %s', (key, action) => expect(shortcutFor(press(key))).toBe(action));

  it.each([
    ['a text box', { tagName: 'INPUT', type: 'text' }],
    ['a search box', { tagName: 'INPUT', type: 'search' }],
    ['an input without a type', { tagName: 'INPUT' }],
    ['a text area', { tagName: 'TEXTAREA' }],
    ['a select', { tagName: 'SELECT' }],
    ['editable text', { tagName: 'DIV', isContentEditable: true }],
  ])('does nothing while typing in %s', (_, target) => {
    expect(shortcutFor(press('a', { target }))).toBeNull();
    expect(shortcutFor(press('?', { target }))).toBeNull();
  });

  it.each([
    ['a checkbox', { tagName: 'INPUT', type: 'checkbox' }],
    ['a link', { tagName: 'A' }],
    ['a button', { tagName: 'BUTTON' }],
  ])('works with focus on %s', (_, target) => expect(shortcutFor(press('j', { target }))).toBe('next'));

  it.each([
    ['Ctrl', { ctrlKey: true }],
    ['Cmd', { metaKey: true }],
    ['Alt', { altKey: true }],
  ])('leaves %s combinations to the browser', (_, modifier) =>
    expect(shortcutFor(press('d', modifier))).toBeNull(),
  );
});
