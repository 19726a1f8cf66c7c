import { useCallback, useState } from 'react';

/** A set of selected names with a stable toggle(name, checked), for lists of checkboxes. */
export function useSelection(initial: () => Iterable<string>) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(initial()));
  const toggle = useCallback((name: string, checked: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(name);
      else next.delete(name);
      return next;
    });
  }, []);
  return [selected, toggle] as const;
}
