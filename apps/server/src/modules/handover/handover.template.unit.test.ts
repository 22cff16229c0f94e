import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTICE_TEMPLATE, pickRecipient, renderNotice, unknownPlaceholders } from './handover.template.js';

const values = {
  customerName: '上海华信医疗器械',
  newContact: '李强',
  newContactPhone: '13800138000',
  previousContact: '王芳',
};
const nobody = { phone: null, email: null, contactMobile: null, contactPhone: null, contactEmail: null };

describe('customer notice template', () => {
  it('fills Chinese and English placeholders alike', () => {
    expect(renderNotice('{客户名称}/{customerName}：{原对接人}→{newContact}（{新对接人电话}）', values)).toBe(
      '上海华信医疗器械/上海华信医疗器械：王芳→李强（13800138000）',
    );
  });

  it('renders the default template completely, with a dash for a missing phone number', () => {
    const text = renderNotice(DEFAULT_NOTICE_TEMPLATE, { ...values, newContactPhone: null });
    expect(text).toMatch(/^尊敬的上海华信医疗器械：.*由王芳变更为李强，联系电话：—。/);
    expect(text).not.toMatch(/[{}]/);
    expect(unknownPlaceholders(DEFAULT_NOTICE_TEMPLATE)).toEqual([]);
  });

  it('names unknown placeholders once each, and leaves braces that are not placeholders alone', () => {
    expect(unknownPlaceholders('{客户名称} {新对接入} {新对接入} {phone}')).toEqual(['新对接入', 'phone']);
    expect(unknownPlaceholders('价格 {} 与 { 空格 }')).toEqual([]);
  });
});

describe('notice recipient', () => {
  it('prefers an SMS to a mobile: the contact’s, then the customer’s; landlines are skipped', () => {
    expect(pickRecipient({ ...nobody, contactMobile: '+86 139 6210 1001', phone: '13800000000' })).toEqual({
      channel: 'sms',
      recipient: '13962101001',
    });
    expect(pickRecipient({ ...nobody, contactPhone: '021-62345678', phone: '13800000000' })).toEqual({
      channel: 'sms',
      recipient: '13800000000',
    });
  });

  it('falls back to e-mail, and to nothing', () => {
    expect(
      pickRecipient({ ...nobody, phone: '021-62345678', email: 'a@b.example', contactEmail: 'c@d.example' }),
    ).toEqual({
      channel: 'email',
      recipient: 'c@d.example',
    });
    expect(pickRecipient({ ...nobody, phone: '021-62345678' })).toBeNull();
  });
});
