import { describe, expect, it } from 'vitest';
import { isTypingTarget, moveIndex, SHORTCUTS, shortcutAction } from './shortcuts';

const element = (tagName: string, extra: Record<string, unknown> = {}) => ({
  tagName,
  getAttribute: (name: string) => (extra[name] as string | undefined) ?? null,
  ...extra,
});

describe('queue keyboard shortcuts', () => {
  it('maps keys to actions', () => {
    expect(shortcutAction({ key: 'n' })).toBe('new');
    expect(shortcutAction({ key: '/' })).toBe('search');
    expect(shortcutAction({ key: 'j' })).toBe('next');
    expect(shortcutAction({ key: 'ArrowDown' })).toBe('next');
    expect(shortcutAction({ key: 'k' })).toBe('previous');
    expect(shortcutAction({ key: 'Enter' })).toBe('open');
    expect(shortcutAction({ key: 'x' })).toBe('select');
    expect(shortcutAction({ key: '?' })).toBe('help');
    expect(shortcutAction({ key: 'q' })).toBeUndefined();
  });

  it('stays out of the way while typing or with modifier keys', () => {
    expect(shortcutAction({ key: 'n', target: element('INPUT') })).toBeUndefined();
    expect(shortcutAction({ key: 'j', target: element('textarea') })).toBeUndefined();
    expect(shortcutAction({ key: 'k', target: element('DIV', { isContentEditable: true }) })).toBeUndefined();
    expect(shortcutAction({ key: 'Enter', target: element('DIV', { role: 'combobox' }) })).toBeUndefined();
    expect(shortcutAction({ key: 'n', ctrlKey: true })).toBeUndefined();
    expect(shortcutAction({ key: 'r', metaKey: true })).toBeUndefined();
    expect(shortcutAction({ key: 'j', target: element('BUTTON') })).toBe('next');
    expect(isTypingTarget(null)).toBe(false);
  });

  it('moves through the rows without wrapping around', () => {
    expect(moveIndex(undefined, 1, 5)).toBe(0);
    expect(moveIndex(undefined, -1, 5)).toBe(4);
    expect(moveIndex(2, 1, 5)).toBe(3);
    expect(moveIndex(4, 1, 5)).toBe(4);
    expect(moveIndex(0, -1, 5)).toBe(0);
    expect(moveIndex(9, 1, 5)).toBe(0);
    expect(moveIndex(0, 1, 0)).toBeUndefined();
  });

  it('lists every action once in the help', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
  });
});
