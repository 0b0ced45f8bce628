import { useEffect, useId, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { SHORTCUTS } from '../utils/shortcuts';

type ShortcutsHelpProps = { open: boolean; onClose: () => void; canAct: boolean };

/** The inbox's keyboard shortcuts, in a native dialog (focus stays inside; Escape closes it). */
export const ShortcutsHelp = ({ open, onClose, canAct }: ShortcutsHelpProps) => {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const shown = SHORTCUTS.filter((s) => canAct || !['select', 'assign-to-me', 'decline'].includes(s.action));
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      {open && (
        <>
          <h2 id={titleId} className="heading-m">
            Keyboard shortcuts
          </h2>
          <p>They work anywhere on the inbox except while you are typing in a box.</p>
          <dl className="shortcuts">
            {shown.map((s) => (
              <div key={s.key} className="shortcuts__row">
                <dt>
                  <kbd className="shortcuts__key">{s.key}</kbd>
                </dt>
                <dd>{s.says}</dd>
              </div>
            ))}
          </dl>
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </>
      )}
    </dialog>
  );
};
