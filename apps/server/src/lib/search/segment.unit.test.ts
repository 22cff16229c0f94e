import { describe, expect, it } from 'vitest';
import { isOutsideDictionary, normalizeText, toCharacterTokens, toIndexText, toSearchTokens } from './segment.js';

describe('toSearchTokens', () => {
  it('cuts Chinese into dictionary words', () => {
    expect(toSearchTokens('客服中心')).toEqual(['客服', '中心']);
    expect(toSearchTokens('报修')).toEqual(['报修']);
    expect(toSearchTokens('空调不制冷')).toEqual(['空调', '不', '制冷']);
    expect(toSearchTokens('投诉处理')).toEqual(['投诉', '处理']);
  });

  it('adds the sub-words of long words (search mode)', () => {
    expect(toSearchTokens('售后服务')).toEqual(['售后', '服务', '售后服务']);
  });

  it('keeps latin words, model numbers and digits, lower-cased and half-width', () => {
    expect(toSearchTokens('型号X200')).toEqual(['型号', 'x200']);
    expect(toSearchTokens('型号ＸＡ２００')).toEqual(['型号', 'xa200']);
    expect(toSearchTokens('13812345678')).toEqual(['13812345678']);
    expect(toSearchTokens('工单 TK2024000123 iPhone15')).toEqual(['工单', 'tk2024000123', 'iphone15']);
  });

  it('joins phone numbers written in groups', () => {
    expect(toSearchTokens('电话 138-1234-5678')).toEqual(['电话', '13812345678']);
    expect(toSearchTokens('+86 138 1234 5678')).toEqual(['8613812345678']);
    expect(toSearchTokens('0755-12345678')).toEqual(['075512345678']);
    // Too few digits in all: left as groups.
    expect(toSearchTokens('3-4')).toEqual(['3', '4']);
  });

  it('drops punctuation, whitespace, emoji and symbols', () => {
    expect(toSearchTokens('你好！！😀  客服…（急）')).toEqual(['你好', '客服', '急']);
    expect(toSearchTokens(' \n\t，。、')).toEqual([]);
    expect(toSearchTokens('foo.bar@example.com')).toEqual(['foo', 'bar', 'example', 'com']);
  });

  it('drops runs longer than 64 characters', () => {
    expect(toSearchTokens(`a${'b'.repeat(64)} 客服`)).toEqual(['客服']);
  });
});

describe('toCharacterTokens', () => {
  it('lists the Chinese characters in order, normalized', () => {
    expect(toCharacterTokens('维修 X200，伟明！')).toEqual(['维', '修', '伟', '明']);
  });
});

describe('toIndexText', () => {
  it('joins the word tokens then the characters of every part, skipping empty ones', () => {
    expect(toIndexText('空调不制冷', null, undefined, '', '型号X200')).toBe(
      '空调 不 制冷 ǂ空 ǂ调 ǂ不 ǂ制 ǂ冷 型号 x200 ǂ型 ǂ号',
    );
    // No word token can pass for a marked character.
    expect(toIndexText('ǂ修')).toBe('修 ǂ修');
    expect(toIndexText('13812345678')).toBe('13812345678');
    expect(toIndexText()).toBe('');
    expect(toIndexText('！！')).toBe('');
  });
});

describe('normalizeText', () => {
  it('folds full-width forms and case', () => {
    expect(normalizeText('ＡＢＣ１２３Ｘ')).toBe('abc123x');
  });
});

describe('isOutsideDictionary', () => {
  it('is true for single characters and unknown pairs, false for dictionary words', () => {
    expect(isOutsideDictionary('修')).toBe(true);
    expect(isOutsideDictionary('伟明')).toBe(true);
    expect(isOutsideDictionary('空调不制冷')).toBe(false);
    expect(isOutsideDictionary('x200')).toBe(false);
  });
});
