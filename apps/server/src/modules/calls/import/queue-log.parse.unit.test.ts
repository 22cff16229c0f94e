import { describe, expect, it } from 'vitest';
import { type ParsedCall, QueueLogParser } from './queue-log.parse.js';

/** 2026-03-02 09:00:00 +08:00 in unix seconds; lines below are offsets from it. */
const T0 = 1772413200;

/** Feeds a log (`+s|callid|queue|agent|EVENT|data…`, `+s` = T0 + s) and returns calls, errors, parser. */
function parse(log: string, options?: { maxLineChars?: number; maxOpenCalls?: number }) {
  const parser = new QueueLogParser(options);
  const calls: ParsedCall[] = [];
  const lines = log.split('\n').map((l) => l.trim());
  lines.forEach((line, i) => {
    const text = line.startsWith('+')
      ? `${T0 + Number(line.slice(1, line.indexOf('|')))}${line.slice(line.indexOf('|'))}`
      : line;
    calls.push(...parser.push(text, i + 1));
  });
  calls.push(...parser.finish());
  return { calls, parser, byId: (id: string) => calls.filter((c) => c.externalId === id) };
}

const at = (s: number) => new Date((T0 + s) * 1000);

describe('QueueLogParser: answered calls', () => {
  it('reads wait from CONNECT and talk from COMPLETEAGENT / COMPLETECALLER, not from the time column', () => {
    const { calls, parser } = parse(`
      +0|1772413200.101|support|NONE|ENTERQUEUE||13800138000|1
      +3|1772413200.101|support|PJSIP/8001|RINGNOANSWER|15000
      +18|1772413200.101|support|PJSIP/8002|RINGNOANSWER|15000
      +21|1772413200.101|support|PJSIP/8003|CONNECT|20|1772413218.102|2
      +200|1772413200.101|support|PJSIP/8003|COMPLETEAGENT|20|176|1
      +5|1772413205.110|support|NONE|ENTERQUEUE||"王芳" <+8613912345678>|2
      +30|1772413205.110|support|PJSIP/8001|CONNECT|24|1772413228.111|1
      +95|1772413205.110|support|PJSIP/8001|COMPLETECALLER|24|65|2`);
    expect(parser.errorCount).toBe(0);
    expect(calls).toHaveLength(2);
    const [first, second] = calls;
    expect(first).toEqual({
      externalId: '1772413200.101',
      queue: 'support',
      callerNumber: '13800138000',
      agent: 'PJSIP/8003',
      enteredAt: at(0),
      connectedAt: at(21),
      endedAt: at(200),
      outcome: 'answered',
      waitSeconds: 20,
      talkSeconds: 176,
      ringNoAnswerCount: 2,
      ringNoAnswerMs: 30000,
      transferred: false,
      enterPosition: 1,
    });
    expect(second).toMatchObject({
      callerNumber: '+8613912345678',
      agent: 'PJSIP/8001',
      waitSeconds: 24,
      talkSeconds: 65,
      ringNoAnswerCount: 0,
      enterPosition: 2,
    });
  });

  it('ends answered calls by the three kinds of transfer, talk = calltime', () => {
    const { calls, parser } = parse(`
      +0|c.1|sales|NONE|ENTERQUEUE||02155550101|1
      +4|c.1|sales|PJSIP/8101|CONNECT|4|c.2|3
      +64|c.1|sales|PJSIP/8101|TRANSFER|8200|from-internal|4|60|1
      +0|c.3|sales|NONE|ENTERQUEUE||02155550102|2
      +9|c.3|sales|PJSIP/8102|CONNECT|9|c.4|2
      +99|c.3|sales|PJSIP/8102|BLINDTRANSFER|8300|from-internal|9|90|2
      +1|c.5|sales|NONE|ENTERQUEUE||02155550103|3
      +12|c.5|sales|PJSIP/8103|CONNECT|11|c.6|4
      +52|c.5|sales|PJSIP/8103|ATTENDEDTRANSFER|BRIDGE|7f3a9c1e|11|40|3
      +2|c.7|sales|NONE|ENTERQUEUE||02155550104|4
      +8|c.7|sales|PJSIP/8104|CONNECT|6|c.8|2
      +38|c.7|sales|PJSIP/8104|ATTENDEDTRANSFER|LINK|PJSIP/8104-0000001a|Local/8400@from-internal-00000003;1|6|30|4
      +3|c.9|sales|NONE|ENTERQUEUE||02155550105|5
      +9|c.9|sales|PJSIP/8105|CONNECT|6|c.10|2
      +29|c.9|sales|PJSIP/8105|ATTENDEDTRANSFER|APP|Voicemail|6|20|5`);
    expect(parser.errorCount).toBe(0);
    expect(calls.map((c) => [c.externalId, c.outcome, c.transferred, c.waitSeconds, c.talkSeconds])).toEqual([
      ['c.1', 'answered', true, 4, 60],
      ['c.3', 'answered', true, 9, 90],
      ['c.5', 'answered', true, 11, 40],
      ['c.7', 'answered', true, 6, 30],
      ['c.9', 'answered', true, 6, 20],
    ]);
  });

  it('makes two records of a call transferred into a second queue', () => {
    const { byId, parser } = parse(`
      +0|1772413300.55|hotline|NONE|ENTERQUEUE||13700001111|1
      +6|1772413300.55|hotline|PJSIP/8001|CONNECT|6|1772413306.56|3
      +46|1772413300.55|hotline|PJSIP/8001|BLINDTRANSFER|complaints|from-queue|6|40|1
      +46|1772413300.55|complaints|NONE|ENTERQUEUE||13700001111|1
      +58|1772413300.55|complaints|PJSIP/8201|CONNECT|12|1772413358.60|4
      +358|1772413300.55|complaints|PJSIP/8201|COMPLETECALLER|12|300|1`);
    expect(parser.errorCount).toBe(0);
    const stays = byId('1772413300.55');
    expect(stays.map((c) => [c.queue, c.agent, c.transferred, c.waitSeconds, c.talkSeconds])).toEqual([
      ['hotline', 'PJSIP/8001', true, 6, 40],
      ['complaints', 'PJSIP/8201', false, 12, 300],
    ]);
    expect(stays[1]?.enteredAt).toEqual(at(46));
  });
});

describe('QueueLogParser: calls that were not answered', () => {
  it('reads abandon, exit with key, exit with timeout and exit empty with their wait fields', () => {
    const { calls, parser } = parse(`
      +0|a.1|support|NONE|ENTERQUEUE||13600000001|3
      +15|a.1|support|PJSIP/8001|RINGNOANSWER|15000
      +41|a.1|support|NONE|ABANDON|2|3|41
      +0|a.2|support|NONE|ENTERQUEUE||13600000002|4
      +25|a.2|support|NONE|EXITWITHKEY|1|3|4|25
      +0|a.3|support|NONE|ENTERQUEUE||13600000003|5
      +300|a.3|support|NONE|EXITWITHTIMEOUT|3|5|300
      +0|a.4|night|NONE|ENTERQUEUE||13600000004|1
      +2|a.4|night|NONE|EXITEMPTY|1|1|2`);
    expect(parser.errorCount).toBe(0);
    expect(calls.map((c) => [c.externalId, c.outcome, c.waitSeconds, c.connectedAt, c.talkSeconds])).toEqual([
      ['a.1', 'abandoned', 41, null, null],
      ['a.2', 'exit_key', 25, null, null],
      ['a.3', 'timeout', 300, null, null],
      ['a.4', 'exit_empty', 2, null, null],
    ]);
    expect(calls[0]).toMatchObject({ ringNoAnswerCount: 1, ringNoAnswerMs: 15000, endedAt: at(41), agent: null });
  });

  it('reads an older EXITWITHTIMEOUT with the position only: the wait is unknown, not computed', () => {
    const { calls } = parse(`
      +0|o.1|support|NONE|ENTERQUEUE||13600000009
      +300|o.1|support|NONE|EXITWITHTIMEOUT|1`);
    expect(calls).toEqual([expect.objectContaining({ outcome: 'timeout', waitSeconds: null, enterPosition: null })]);
  });
});

describe('QueueLogParser: what the log does not tell', () => {
  it('a PBX restart (QUEUESTART) mid-call: open calls come out unresolved, a connected one answered with unknown talk', () => {
    const parser = new QueueLogParser();
    const lines = [
      `${T0}|r.1|support|NONE|ENTERQUEUE||13500000001|1`,
      `${T0 + 1}|r.2|support|NONE|ENTERQUEUE||13500000002|2`,
      `${T0 + 5}|r.2|support|PJSIP/8001|CONNECT|4|r.3|1`,
      `${T0 + 20}|NONE|NONE|NONE|QUEUESTART|`,
      `${T0 + 30}|r.1|support|NONE|ABANDON|1|1|30`,
    ];
    const out = lines.map((l, i) => parser.push(l, i + 1));
    expect(out[3]?.map((c) => [c.externalId, c.outcome, c.waitSeconds, c.talkSeconds, c.endedAt])).toEqual([
      ['r.1', 'unresolved', null, null, null],
      ['r.2', 'answered', 4, null, null],
    ]);
    // The ABANDON after the restart has no open call any more.
    expect(out[4]).toEqual([]);
    expect(parser.errors).toEqual([{ line: 5, code: 'orphan_event', text: lines[4] }]);
    expect(parser.finish()).toEqual([]);
  });

  it('a truncated last line is too_few_fields and its call is kept unresolved', () => {
    const { calls, parser } = parse(`
      +0|t.1|support|NONE|ENTERQUEUE||13500000003|1
      +9|t.1|supp`);
    expect(parser.errors).toEqual([{ line: 3, code: 'too_few_fields', text: `${T0 + 9}|t.1|supp` }]);
    expect(calls).toEqual([expect.objectContaining({ externalId: 't.1', outcome: 'unresolved', endedAt: null })]);
  });

  it('a truncated COMPLETE line (no calltime) leaves the call answered with unknown talk', () => {
    const { calls, parser } = parse(`
      +0|t.2|support|NONE|ENTERQUEUE||13500000004|1
      +3|t.2|support|PJSIP/8001|CONNECT|3|t.3|1
      +60|t.2|support|PJSIP/8001|COMPLETEAGENT|3`);
    expect(parser.errors.map((e) => e.code)).toEqual(['too_few_fields']);
    expect(calls).toEqual([expect.objectContaining({ outcome: 'answered', waitSeconds: 3, talkSeconds: null })]);
  });

  it('an event of a call that entered before the file began is an orphan_event', () => {
    const { calls, parser } = parse(`
      +70|x.1|support|PJSIP/8001|COMPLETEAGENT|10|60|1`);
    expect(calls).toEqual([]);
    expect(parser.errors).toEqual([
      { line: 2, code: 'orphan_event', text: `${T0 + 70}|x.1|support|PJSIP/8001|COMPLETEAGENT|10|60|1` },
    ]);
  });

  it('the same call id entering the same queue again ends the first stay as unresolved', () => {
    const { calls } = parse(`
      +0|d.1|support|NONE|ENTERQUEUE||13500000005|1
      +600|d.1|support|NONE|ENTERQUEUE||13500000005|1
      +610|d.1|support|NONE|ABANDON|1|1|10`);
    expect(calls.map((c) => [c.outcome, c.enteredAt])).toEqual([
      ['unresolved', at(0)],
      ['abandoned', at(600)],
    ]);
  });
});

describe('QueueLogParser: line errors and ignored lines', () => {
  it('reports bad times, unknown events, bad numbers and long lines; ignores member and queue events', () => {
    const { calls, parser } = parse(
      `
      +0|NONE|support|PJSIP/8001|ADDMEMBER|
      +1|NONE|support|PJSIP/8001|PAUSE|午休
      +2|NONE|support|PJSIP/8001|UNPAUSE|
      +3|NONE|NONE|PJSIP/8001|PAUSEALL|
      +4|NONE|NONE|NONE|CONFIGRELOAD|
      +5|NONE|support|Agent/8001|AGENTLOGIN|PJSIP/8001
      +6|b.1|support|NONE|DID|4008200000
      +6|b.1|support|NONE|ENTERQUEUE||13400000001|1
      +7|b.1|support|PJSIP/8002|RINGCANCELED|900
      +8|b.1|support|PJSIP/8001|CONNECT|2x|b.2|1
      +9|NONE|support|PJSIP/8001|REMOVEMEMBER|
      2026-03-02 09:00:10.123456|b.1|support|NONE|INFO|x
      +11|b.1|support|NONE|SOMETHINGNEW|1
      +12|${'x'.repeat(200)}|support|NONE|INFO|`,
      { maxLineChars: 120 },
    );
    expect(parser.errors.map((e) => [e.line, e.code])).toEqual([
      [11, 'bad_number'],
      [13, 'bad_time'],
      [14, 'unknown_event'],
      [15, 'line_too_long'],
    ]);
    expect(calls).toEqual([
      expect.objectContaining({ externalId: 'b.1', outcome: 'answered', waitSeconds: null, agent: 'PJSIP/8001' }),
    ]);
  });

  it('keeps at most 1,000 errors but counts all', () => {
    const parser = new QueueLogParser();
    for (let i = 1; i <= 1500; i += 1) parser.push('garbage', i);
    expect(parser.errors).toHaveLength(1000);
    expect(parser.errorCount).toBe(1500);
  });

  it('bounds the open calls: past the bound the oldest comes out unresolved', () => {
    const parser = new QueueLogParser({ maxOpenCalls: 2 });
    expect(parser.push(`${T0}|m.1|q|NONE|ENTERQUEUE||1|1`, 1)).toEqual([]);
    expect(parser.push(`${T0}|m.2|q|NONE|ENTERQUEUE||2|1`, 2)).toEqual([]);
    const out = parser.push(`${T0}|m.3|q|NONE|ENTERQUEUE||3|1`, 3);
    expect(out.map((c) => [c.externalId, c.outcome])).toEqual([['m.1', 'unresolved']]);
    expect(parser.openCalls).toBe(2);
  });

  it('accepts CRLF line ends and skips empty lines', () => {
    const parser = new QueueLogParser();
    parser.push(`${T0}|w.1|q|NONE|ENTERQUEUE||5|1\r`, 1);
    parser.push('', 2);
    const out = parser.push(`${T0 + 9}|w.1|q|NONE|ABANDON|1|1|9\r`, 3);
    expect(out).toEqual([expect.objectContaining({ outcome: 'abandoned', waitSeconds: 9 })]);
    expect(parser.errorCount).toBe(0);
  });
});
