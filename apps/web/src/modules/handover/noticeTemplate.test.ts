import { describe, expect, it } from 'vitest';
import { insertAt, placeholderFor, renderNotice, unknownPlaceholders } from './noticeTemplate';

const values = { customerName: '华信医疗', previousContact: '王芳', newContact: '刘洋', newContactPhone: '' };

describe('notice template', () => {
  it('fills Chinese and English placeholders and marks a missing phone', () => {
    expect(renderNotice('尊敬的{客户名称}：{原对接人}→{newContact}，电话{新对接人电话}', values)).toBe(
      '尊敬的华信医疗：王芳→刘洋，电话—',
    );
    expect(renderNotice('Hello {unknown}', values)).toBe('Hello {unknown}');
  });

  it('finds unknown placeholders once each', () => {
    expect(unknownPlaceholders('{客户名称}{客户名}{客户名}{ x }{newContact}')).toEqual(['客户名']);
  });

  it('offers placeholders in the UI language and inserts at the cursor', () => {
    expect(placeholderFor('newContact', 'zh-CN')).toBe('{新对接人}');
    expect(placeholderFor('newContact', 'en')).toBe('{newContact}');
    expect(insertAt('您好！', '{客户名称}', 2, 2)).toEqual({ value: '您好{客户名称}！', cursor: 8 });
    expect(insertAt('ab', 'X')).toEqual({ value: 'abX', cursor: 3 });
  });
});
