// The settings tables on a phone: the table scrolls inside its card (never the page), and its first
// column stays in view while it does, on a white ground that hides what scrolls beneath it.
// relative: what is absolutely placed inside (screen-reader-only labels) scrolls with the table
// instead of widening the page
export const TABLE_SCROLL = 'relative overflow-x-auto overscroll-x-contain';
// the rule that marks the column's edge is drawn only where the table scrolls (a phone)
export const STICKY_CELL = 'sticky left-0 z-[1] bg-white pr-3 max-nav:shadow-[inset_-1px_0_0_var(--color-slate-200)]';
export const TABLE = 'w-full text-sm';
export const HEAD = 'text-left text-xs uppercase text-slate-500 [&_th]:whitespace-nowrap';
