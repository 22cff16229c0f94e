import { ERROR_CODES, ERROR_MESSAGES, LOCALES, MESSAGE_KEYS, MESSAGES, t } from '@kefu/shared';
import { describe, expect, it } from 'vitest';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the server message catalog', () => {
  it('has every key in both languages, non-empty, with the same placeholders', () => {
    for (const key of MESSAGE_KEYS) {
      for (const locale of LOCALES) expect(MESSAGES[locale][key], `${locale} ${key}`).toBeTruthy();
      expect(params(MESSAGES.en[key]), key).toEqual(params(MESSAGES['zh-CN'][key]));
    }
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES['zh-CN']).sort());
  });

  it('has every error message in both languages with the same placeholders', () => {
    for (const code of ERROR_CODES) {
      expect(params(ERROR_MESSAGES.en[code]), code).toEqual(params(ERROR_MESSAGES['zh-CN'][code]));
    }
  });

  it('words a key with params, nested references, literals in both languages and lists', () => {
    const parts = [
      {
        key: 'notice.handover.part' as const,
        params: { label: { 'zh-CN': '专属客户', en: 'customers owned' }, count: 3 },
      },
      {
        key: 'notice.handover.part' as const,
        params: { label: { 'zh-CN': '未结工单', en: 'open tickets' }, count: 1 },
      },
    ];
    const body = { from: '王芳', parts, reason: 'x' };
    expect(t('zh-CN', 'notice.handover.body', body)).toBe(
      '您已接收 王芳 交接的工作：专属客户 3 项、未结工单 1 项。交接原因：x',
    );
    expect(t('en', 'notice.handover.body', body)).toBe(
      '王芳’s work was handed over to you: 3 customers owned, 1 open tickets. Reason: x',
    );
    const status = { number: 'GD1', from: { key: 'label.ticket_status.received' as const }, to: null };
    expect(t('en', 'timeline.ticket.status_changed', status)).toBe('Ticket GD1: Received → —');
    expect(t('en', 'tickets.not_found')).toBe(ERROR_MESSAGES.en['tickets.not_found']);
  });
});
