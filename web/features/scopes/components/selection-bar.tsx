interface SelectionBarProps {
  count: number;
  onView: () => void;
}

/**
 * On narrow screens the request panel sits below all the scopes, so ticking one shows nothing. This
 * bar sticks to the bottom of the list while it is in view and jumps to the panel; wide screens hide
 * it (CSS), where the panel stays beside the list.
 */
export function SelectionBar({ count, onView }: SelectionBarProps) {
  if (count === 0) return null;
  return (
    <div className="selection-bar">
      <span>
        {count} {count === 1 ? 'scope' : 'scopes'} selected
      </span>
      <button type="button" className="button button-primary button-small" onClick={onView}>
        View request
      </button>
    </div>
  );
}
