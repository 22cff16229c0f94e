import { describe, expect, it } from 'vitest';
import { filterPhrases, filterReplies, groupByCategory, phraseInsertion, replyInsertion } from './pickerItems';

const phrases = [
  { id: '1', category: '问候', text: '您好，很高兴为您服务。', textEn: 'Hello, happy to help.' },
  { id: '2', category: '致歉', text: '对不起，让您久等了。', textEn: 'Sorry to have kept you waiting.' },
  { id: '3', category: '问候', text: '您好，请讲。', textEn: null },
];
const replies = [
  {
    id: 'r1',
    title: '受理确认',
    body: '{customerName}您好，工单 {ticketNumber} 已登记，{nextReplyAt} 前答复。',
    category: '受理',
    isShared: true,
  },
  { id: 'r2', title: '上门预约', body: '{contactName}您好，工程师将与您联系。', category: null, isShared: false },
];

describe('phrase picker items', () => {
  it('searches ignoring spaces, punctuation, width and case', () => {
    expect(filterPhrases(phrases, '久 等').map((p) => p.id)).toEqual(['2']);
    expect(filterPhrases(phrases, 'ＨＥＬＬＯ').map((p) => p.id)).toEqual(['1']);
    expect(filterPhrases(phrases, '问候').map((p) => p.id)).toEqual(['1', '3']);
    expect(filterPhrases(phrases, '  ')).toHaveLength(3);
    expect(filterReplies(replies, '上门').map((r) => r.id)).toEqual(['r2']);
    expect(filterReplies(replies, '受理').map((r) => r.id)).toEqual(['r1']);
  });

  it('groups phrases by category in order of appearance', () => {
    expect(groupByCategory(phrases).map((g) => [g.category, g.items.length])).toEqual([
      ['问候', 2],
      ['致歉', 1],
    ]);
  });

  it('inserts the phrase in the language asked for, and canned replies rendered with the ticket', () => {
    expect(phraseInsertion(phrases[0] as (typeof phrases)[0], 'en').text).toBe('Hello, happy to help.');
    expect(phraseInsertion(phrases[2] as (typeof phrases)[0], 'en').text).toBe('您好，请讲。');
    const filled = replyInsertion(replies[0] as (typeof replies)[0], {
      customerName: '华信医疗',
      ticketNumber: 'T-000123',
    });
    expect(filled).toEqual({
      text: '华信医疗您好，工单 T-000123 已登记，{nextReplyAt} 前答复。',
      missing: ['nextReplyAt'],
    });
  });
});
