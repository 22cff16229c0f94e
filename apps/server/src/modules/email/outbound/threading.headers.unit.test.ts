import { describe, expect, it } from 'vitest';
import {
  idsOf,
  kefuMessageId,
  normaliseMessageId,
  numberInSubject,
  referencesFor,
  replySubject,
  taggedSubject,
  ticketOfKefuId,
} from './threading.headers.js';

const TICKET = '0b7e4c2a-3f1d-4c8e-9a6b-2d5f8e1c7a90';
const MESSAGE = '5c9d2e1f-8a7b-4c6d-b5e4-3f2a1b0c9d8e';

describe('e-mail threading headers', () => {
  it("makes and reads Kefu's Message-IDs", () => {
    const id = kefuMessageId(TICKET, MESSAGE, 'kefu.example.cn');
    expect(id).toBe(`<kefu.${TICKET}.${MESSAGE}@kefu.example.cn>`);
    expect(ticketOfKefuId(id)).toBe(TICKET);
    expect(ticketOfKefuId(id.toUpperCase())).toBe(TICKET);
    expect(ticketOfKefuId('<abc@example.cn>')).toBeNull();
    expect(ticketOfKefuId('<kefu.test.x@kefu.example.cn>')).toBeNull();
  });

  it('reads id lists as mailparser gives them and keeps References short', () => {
    expect(idsOf('<a@x> <b@x>')).toEqual(['<a@x>', '<b@x>']);
    expect(idsOf(['<a@x>', '<b@x>'])).toEqual(['<a@x>', '<b@x>']);
    expect(idsOf(undefined)).toEqual([]);
    expect(normaliseMessageId(' a@x ')).toBe('<a@x>');
    expect(referencesFor(['<a@x>', '<b@x>'], '<c@x>')).toEqual(['<a@x>', '<b@x>', '<c@x>']);
    expect(referencesFor(['<a@x>'], '<a@x>')).toEqual(['<a@x>']);
    const long = Array.from({ length: 30 }, (_, i) => `<${i}@x>`);
    const kept = referencesFor(long, '<new@x>');
    expect(kept).toHaveLength(20);
    expect(kept[0]).toBe('<0@x>');
    expect(kept.at(-1)).toBe('<new@x>');
  });

  it('carries the ticket number in the subject as [#GD…], whatever form the template wrote', () => {
    expect(taggedSubject('Re: 发票', 'GD0000123')).toBe('[#GD0000123] Re: 发票');
    expect(taggedSubject('[GD0000123] Re: 发票', 'GD0000123')).toBe('[#GD0000123] Re: 发票');
    expect(taggedSubject('[#GD0000123] Re: 发票', 'GD0000123')).toBe('[#GD0000123] Re: 发票');
    expect(taggedSubject('a\r\nb', 'GD0000123')).toBe('[#GD0000123] a b');
    expect(numberInSubject('回复：[#gd0000123] Re: 发票')).toBe('GD0000123');
    expect(numberInSubject('Re: [GD12345678] x')).toBe('GD12345678');
    expect(numberInSubject('GD0000123 without brackets')).toBeNull();
  });

  it('answers with one Re: in front', () => {
    expect(replySubject('发票')).toBe('Re: 发票');
    expect(replySubject('Re: RE: 发票')).toBe('Re: 发票');
    expect(replySubject('回复：答复: 发票')).toBe('Re: 发票');
  });
});
