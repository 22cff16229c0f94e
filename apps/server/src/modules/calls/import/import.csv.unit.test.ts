import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mappingProblems, parseTime } from './import.csv.js';
import { splitLines } from './import.read.js';
import { distinctCalls, textArray } from './import.store.js';
import type { ParsedCall } from './queue-log.parse.js';

describe('CSV times', () => {
  it('reads wall time in the deployment zone, offsets, Z and unix seconds; refuses impossible dates', () => {
    expect(parseTime('2026-03-02 10:00:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(parseTime('2026/3/2 10:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(parseTime('2026-03-02T10:00:00+08:00', 'UTC')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(parseTime('2026-03-02T02:00:00Z', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(parseTime('1772416800', 'Asia/Shanghai')?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(parseTime('', 'Asia/Shanghai')).toBeNull();
    expect(parseTime('2026-02-30 10:00', 'Asia/Shanghai')).toBeUndefined();
    expect(parseTime('yesterday', 'Asia/Shanghai')).toBeUndefined();
  });

  it('names the required or unknown fields of a mapping', () => {
    expect(mappingProblems({ externalId: 'a', queue: 'b', enteredAt: 'c', outcome: 'd' })).toEqual([]);
    expect(mappingProblems({ queue: 'b', colour: 'x' })).toEqual(['externalId', 'enteredAt', 'outcome', 'colour']);
  });
});

describe('streamed lines', () => {
  it('splits across chunks, keeps CRLF to the parser, cuts an over-long line without holding it', async () => {
    const seen: [string, boolean][] = [];
    const chunks = [
      Buffer.from('ab'),
      Buffer.from('c\r\nde'),
      Buffer.from(`f\n${'x'.repeat(50)}`),
      Buffer.from('yy\nlast'),
    ];
    await splitLines(
      Readable.from(chunks),
      (text, tooLong) => seen.push([text, tooLong]),
      async () => {},
      10,
    );
    expect(seen).toEqual([
      ['abc\r', false],
      ['def', false],
      ['x'.repeat(10), true],
      ['last', false],
    ]);
  });
});

describe('batch writes', () => {
  const call = (outcome: ParsedCall['outcome'], endedAt: Date | null): ParsedCall => ({
    externalId: '1.1',
    queue: 'q',
    callerNumber: null,
    agent: null,
    enteredAt: new Date(0),
    connectedAt: null,
    endedAt,
    outcome,
    waitSeconds: null,
    talkSeconds: null,
    ringNoAnswerCount: 0,
    ringNoAnswerMs: 0,
    transferred: false,
    enterPosition: null,
  });

  it('keeps the most settled record of a stay within a batch', () => {
    const done = call('abandoned', new Date(1000));
    expect(distinctCalls([call('unresolved', null), done, call('unresolved', null)])).toEqual([done]);
  });

  it('quotes array literals (quotes, backslashes, commas, braces, NULL)', () => {
    expect(textArray(['a', null, 'b"c', 'd\\e', 'x,{y}'])).toBe('{"a",NULL,"b\\"c","d\\\\e","x,{y}"}');
  });
});
