import { describe, expect, it } from 'vitest';
import { timelineTitle } from './timeline.text.js';

const CODE = /^[a-z_]+\.[a-z_]+(:|$)/;

describe('customer timeline titles in words', () => {
  it('words stored keys, old and new, and keeps the key beside the text', () => {
    const row = (kind: string, title: string, before: unknown = null, after: unknown = null) => ({
      kind,
      title,
      before,
      after,
    });
    expect(timelineTitle(row('ticket', 'ticket.created:GD0000009'), 'zh-CN')).toEqual({
      title: '新建工单 GD0000009',
      titleKey: 'ticket.created',
    });
    expect(timelineTitle(row('change', 'customer.created'), 'en')).toEqual({
      title: 'Customer file created',
      titleKey: 'customer.created',
    });
    const status = row('ticket', 'ticket.status_changed:GD1', { status: 'received' }, { status: 'resolved' });
    expect(timelineTitle(status, 'en').title).toBe('Ticket GD1: Received → Resolved');
    expect(timelineTitle(row('ticket', 'ticket.something_else:GD1'), 'zh-CN')).toEqual({
      title: '其他记录',
      titleKey: 'ticket.something_else',
    });
    for (const title of ['ticket.reply:GD1', 'ticket.inbound:GD1', 'customer.handover', 'customer.imported']) {
      expect(timelineTitle(row('ticket', title), 'en').title).not.toMatch(CODE);
    }
  });

  it('keeps what a person wrote, and names milestones by their type', () => {
    expect(timelineTitle({ kind: 'call', title: 'customer.created', before: null, after: null }, 'en')).toEqual({
      title: 'customer.created',
      titleKey: null,
    });
    const set = { kind: 'milestone', title: '下单', before: null, after: { typeKey: 'order', date: '2026-03-16' } };
    expect(timelineTitle(set, 'zh-CN')).toEqual({
      title: '里程碑：下单（2026-03-16）',
      titleKey: 'customer.milestone_set',
    });
    expect(timelineTitle(set, 'en', () => 'Order').title).toBe('Milestone: Order (2026-03-16)');
    const removed = {
      kind: 'milestone',
      title: 'customer.milestone_removed',
      before: { typeKey: 'order', date: '2026-03-16' },
      after: null,
    };
    expect(timelineTitle(removed, 'en', () => 'Order').title).toBe('Milestone removed: Order (2026-03-16)');
  });
});
