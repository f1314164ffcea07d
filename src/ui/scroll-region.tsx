/**
 * The horizontal scroller around a wide table. It is a named region that takes keyboard focus,
 * so the columns beyond the card's edge can be reached with the arrow keys, not only with a
 * finger (WCAG 2.1.1 Keyboard; axe's rule scrollable-region-focusable). Named like its table,
 * so a screen reader says what the focused region holds.
 */
import type { ReactNode } from 'react';

type Props = {
  /** `table-scroll` (a card's table), `history-scroll` or `registry-scroll`. */
  readonly className?: string;
  readonly children: ReactNode;
} & (
  | { readonly labelledBy: string; readonly label?: never }
  | { readonly label: string; readonly labelledBy?: never }
);

export function ScrollRegion({ className = 'table-scroll', label, labelledBy, children }: Props) {
  return (
    <div
      className={className}
      role="region"
      tabIndex={0}
      aria-label={label}
      aria-labelledby={labelledBy}
    >
      {children}
    </div>
  );
}
