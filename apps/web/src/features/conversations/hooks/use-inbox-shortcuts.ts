import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from '../utils/shortcuts';

/**
 * Calls `onShortcut` for an inbox shortcut pressed anywhere on the page (never while typing in a field), while
 * `enabled` (off while a dialog is open, whose own keys are its business).
 */
export const useInboxShortcuts = (enabled: boolean, onShortcut: (action: ShortcutAction) => void) => {
  // The latest handler, without re-adding the listener on every render.
  const handler = useRef(onShortcut);
  useEffect(() => {
    handler.current = onShortcut;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        target: event.target instanceof HTMLElement ? event.target : null,
      });
      if (!action || event.defaultPrevented) return;
      event.preventDefault();
      handler.current(action);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
};
