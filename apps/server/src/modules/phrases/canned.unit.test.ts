import { cannedReplyPlaceholders, renderCannedReply } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_CANNED_REPLIES } from '../../db/seed/phrases.data.js';

describe('renderCannedReply', () => {
  it('fills the ticket variables', () => {
    const r = renderCannedReply('{customerName}您好，工单 {ticketNumber} 将于 {nextReplyAt} 前答复。——{agentName}', {
      customerName: '张先生',
      ticketNumber: 'T-000123',
      nextReplyAt: '3月5日 18:00',
      agentName: '小王',
    });
    expect(r).toEqual({ text: '张先生您好，工单 T-000123 将于 3月5日 18:00 前答复。——小王', missing: [], unknown: [] });
  });

  it('leaves a variable without value visible and reports it; unknown placeholders are left and reported', () => {
    const r = renderCannedReply('{contactName}您好，{department}会联系您。{contactName}，{foo} {x y}', {
      contactName: '',
      department: null,
    });
    expect(r.text).toBe('{contactName}您好，{department}会联系您。{contactName}，{foo} {x y}');
    expect(r.missing).toEqual(['contactName', 'department']);
    expect(r.unknown).toEqual(['foo']);
  });

  it('inserts values as plain text, once: no HTML handling, no recursive expansion', () => {
    const r = renderCannedReply('{customerName}：{agentName}', { customerName: '<b>{agentName}</b>', agentName: 'A' });
    expect(r.text).toBe('<b>{agentName}</b>：A');
  });

  it('lists the placeholders of a body; the demo replies use known variables only', () => {
    expect(cannedReplyPlaceholders('{a} {ticketNumber} {a} {agentName}')).toEqual({
      known: ['ticketNumber', 'agentName'],
      unknown: ['a'],
    });
    for (const reply of DEMO_CANNED_REPLIES)
      expect(cannedReplyPlaceholders(reply.body).unknown, reply.title).toEqual([]);
  });
});
