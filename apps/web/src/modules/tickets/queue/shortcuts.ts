/**
 * Keyboard shortcuts of the ticket queue. Pure: the page feeds keydown events in and acts on the
 * answer, so the rules (never while typing, never with Ctrl/Alt/Meta) are unit-tested.
 */
export type ShortcutAction = 'new' | 'search' | 'next' | 'previous' | 'open' | 'select' | 'refresh' | 'help';

/** Key → action, in the order the help popover lists them. */
export const SHORTCUTS: readonly { keys: readonly string[]; label: string; action: ShortcutAction }[] = [
  { keys: ['n'], label: 'n', action: 'new' },
  { keys: ['/'], label: '/', action: 'search' },
  { keys: ['j', 'ArrowDown'], label: 'j / ↓', action: 'next' },
  { keys: ['k', 'ArrowUp'], label: 'k / ↑', action: 'previous' },
  { keys: ['Enter', 'o'], label: 'Enter / o', action: 'open' },
  { keys: ['x'], label: 'x', action: 'select' },
  { keys: ['r'], label: 'r', action: 'refresh' },
  { keys: ['?'], label: '?', action: 'help' },
];

export type KeyLike = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: unknown;
};

type ElementLike = { tagName?: string; isContentEditable?: boolean; getAttribute?: (name: string) => string | null };

/** True while the user types into a field (inputs, text areas, selects, editable content, comboboxes). */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as ElementLike;
  const tag = (element.tagName ?? '').toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (element.isContentEditable) return true;
  const role = element.getAttribute?.('role');
  return role === 'combobox' || role === 'textbox';
}

/** The action of a key press, or undefined when it is not a shortcut here. */
export function shortcutAction(event: KeyLike): ShortcutAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (isTypingTarget(event.target)) return undefined;
  return SHORTCUTS.find((s) => s.keys.includes(event.key))?.action;
}

/**
 * The row index after moving by `delta` in a list of `length` rows: starts at the first (or last)
 * row when none is active yet, and stops at both ends (no wrap-around).
 */
export function moveIndex(current: number | undefined, delta: 1 | -1, length: number): number | undefined {
  if (length <= 0) return undefined;
  if (current === undefined || current < 0 || current >= length) return delta > 0 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + delta));
}
