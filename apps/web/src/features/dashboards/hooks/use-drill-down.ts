import { useRef, useState } from 'react';
import type { DrillDown } from '../components/posts-panel';

/**
 * The one drill-down open on a page. Closing it gives focus back to what opened it (the chart or its table's
 * button), so a keyboard user carries on where they were.
 */
export const useDrillDownPanel = () => {
  const [open, setOpen] = useState<DrillDown | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  return {
    open,
    show: (drill: DrillDown) => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setOpen(drill);
    },
    close: () => {
      setOpen(null);
      opener.current?.focus();
    },
  };
};
