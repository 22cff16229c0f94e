import type { CallOutcome } from '../calls.tables.js';

/**
 * The Asterisk `queue_log` reader (pure, no I/O): lines `time|callid|queue|agent|event|data1|data2|…`
 * in, one record per call's stay in a queue out. Figures come from the events' documented data
 * fields, never from differences of the time column (docs.asterisk.org, "Queue Logs"):
 *
 * | event | data fields | used |
 * | --- | --- | --- |
 * | ENTERQUEUE | url, callerid, position | caller number, entry position |
 * | CONNECT | holdtime, bridgedchanneluniqueid, ringtime | wait = holdtime, agent |
 * | COMPLETEAGENT / COMPLETECALLER | holdtime, calltime, origposition | talk = calltime |
 * | TRANSFER / BLINDTRANSFER | extension, context, holdtime, calltime, origposition | transferred, talk = calltime |
 * | ATTENDEDTRANSFER | method, method data (LINK: two channels), holdtime, calltime, origposition | transferred, talk = calltime |
 * | ABANDON / EXITWITHTIMEOUT / EXITEMPTY | position, origposition, waittime | wait = waittime |
 * | EXITWITHKEY | key, position, origposition, waittime | wait = waittime |
 * | RINGNOANSWER | ringtime (ms) | rings without answer and their ms |
 *
 * Member and queue events that are not about a call (ADDMEMBER, PAUSE, AGENTLOGIN, CONFIGRELOAD …)
 * and call events that neither start nor end a stay (DID — the dialled number —, RINGCANCELED,
 * AGENTDUMP, SYSCOMPAT, JOINEMPTY/FULL/JOINUNAVAIL: refused before entering, so never offered) are
 * accepted and ignored. QUEUESTART is a PBX (re)start: every call open at that moment is over
 * without a trace and comes out `unresolved`, as does a stay whose call id enters the same queue
 * again, and every stay still open at `finish()` (a connected one as answered with unknown talk).
 * Older Asterisk versions write fewer fields (EXITWITHTIMEOUT with the position only): a missing
 * field is null; a field that is there but is not a whole number is the line error `bad_number`
 * and null (the event still counts: the call did end).
 *
 * Memory is bounded: lines longer than `maxLineChars` are refused, at most `maxOpenCalls` stays are
 * kept open (past that the oldest comes out `unresolved`), at most 1,000 line errors are kept.
 * Speed: one `split` per line, no regular expression, no other per-line allocation.
 */
export type ParsedCall = {
  externalId: string;
  queue: string;
  callerNumber: string | null;
  agent: string | null;
  enteredAt: Date;
  connectedAt: Date | null;
  endedAt: Date | null;
  outcome: CallOutcome;
  waitSeconds: number | null;
  talkSeconds: number | null;
  ringNoAnswerCount: number;
  ringNoAnswerMs: number;
  transferred: boolean;
  enterPosition: number | null;
};

export type LineErrorCode =
  | 'bad_time'
  | 'too_few_fields'
  | 'line_too_long'
  | 'unknown_event'
  | 'orphan_event'
  | 'bad_number';
export type LineError = { line: number; code: LineErrorCode; text: string };

export const MAX_KEPT_ERRORS = 1000;
const ERROR_TEXT_CHARS = 200;
/** The answer of a line that ends no call (shared, frozen: no allocation per line). */
const NONE = Object.freeze([]) as unknown as ParsedCall[];

type Open = {
  callId: string;
  queue: string;
  callerNumber: string | null;
  agent: string | null;
  enteredAt: number;
  connectedAt: number | null;
  waitSeconds: number | null;
  ringNoAnswerCount: number;
  ringNoAnswerMs: number;
  enterPosition: number | null;
  /** Another open stay of the same call id (in another queue). */
  next: Open | null;
};

/** Events accepted and ignored (see above). */
const IGNORED = new Set([
  'ADDMEMBER',
  'REMOVEMEMBER',
  'PAUSE',
  'UNPAUSE',
  'PAUSEALL',
  'UNPAUSEALL',
  'PAUSECUSTOM',
  'PENALTY',
  'AGENTLOGIN',
  'AGENTLOGOFF',
  'AGENTCALLBACKLOGIN',
  'AGENTCALLBACKLOGOFF',
  'CONFIGRELOAD',
  'DID',
  'INFO',
  'SYSCOMPAT',
  'RINGCANCELED',
  'AGENTDUMP',
  'JOINEMPTY',
  'JOINUNAVAIL',
  'FULL',
]);

/** Data fields an event needs to be read at all (fewer: `too_few_fields`). */
const MIN_DATA: Record<string, number> = {
  ENTERQUEUE: 2,
  CONNECT: 1,
  COMPLETEAGENT: 2,
  COMPLETECALLER: 2,
  TRANSFER: 4,
  BLINDTRANSFER: 4,
  ATTENDEDTRANSFER: 4,
  ABANDON: 3,
  EXITWITHTIMEOUT: 1,
  EXITEMPTY: 1,
  EXITWITHKEY: 1,
  RINGNOANSWER: 1,
};

/** A unix time in seconds: 1–12 digits. */
function unixSeconds(text: string): number | null {
  const n = text.length;
  if (n === 0 || n > 12) return null;
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return Number(text);
}

/** Digits and a leading `+` of a caller id (`"张三" <13800138000>` → 13800138000); none: null. */
function callerDigits(text: string | undefined): string | null {
  if (!text) return null;
  let out = '';
  for (let i = 0; i < text.length && out.length < 32; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) out += text[i];
    else if (c === 43 && out.length === 0) out = '+';
  }
  return out === '' || out === '+' ? null : out;
}

const noAgent = (agent: string) => (agent === '' || agent === 'NONE' ? null : agent);

export class QueueLogParser {
  private readonly maxLineChars: number;
  private readonly maxOpenCalls: number;
  /** Open stays by call id (a chain when the same id is in several queues). */
  private readonly open = new Map<string, Open>();
  private openCount = 0;
  readonly errors: LineError[] = [];
  errorCount = 0;
  private lineNumber = 0;
  private line = '';

  constructor(options?: { maxLineChars?: number; maxOpenCalls?: number }) {
    this.maxLineChars = options?.maxLineChars ?? 4096;
    this.maxOpenCalls = options?.maxOpenCalls ?? 100_000;
  }

  /** Calls still open. */
  get openCalls(): number {
    return this.openCount;
  }

  private fail(code: LineErrorCode): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_KEPT_ERRORS)
      this.errors.push({ line: this.lineNumber, code, text: this.line.slice(0, ERROR_TEXT_CHARS) });
  }

  /** A whole number data field; missing or empty: null; anything else: `bad_number` and null. */
  private int(fields: string[], index: number): number | null {
    const text = fields[index];
    if (text === undefined || text === '') return null;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57 || i >= 15) {
        this.fail('bad_number');
        return null;
      }
    }
    return Number(text);
  }

  /** Feed one line (its number for the error report); returns the calls it ended. */
  push(raw: string, lineNumber: number): ParsedCall[] {
    this.lineNumber = lineNumber;
    const line = raw.length > 0 && raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    this.line = line;
    if (line.length === 0) return NONE;
    if (line.length > this.maxLineChars) {
      this.line = line.slice(0, ERROR_TEXT_CHARS);
      this.fail('line_too_long');
      return NONE;
    }
    const f = line.split('|');
    if (f.length < 5) {
      this.fail('too_few_fields');
      return NONE;
    }
    const seconds = unixSeconds(f[0] as string);
    if (seconds === null) {
      this.fail('bad_time');
      return NONE;
    }
    const at = seconds * 1000;
    const callId = f[1] as string;
    const queue = f[2] as string;
    const event = f[4] as string;
    const min = MIN_DATA[event];
    if (min === undefined) {
      if (event === 'QUEUESTART') return this.flushAll();
      if (!IGNORED.has(event)) this.fail('unknown_event');
      return NONE;
    }
    if (f.length - 5 < min) {
      this.fail('too_few_fields');
      return NONE;
    }
    if (event === 'ENTERQUEUE') return this.enter(f, callId, queue, at);

    const stay = this.find(callId, queue);
    if (!stay) {
      this.fail('orphan_event');
      return NONE;
    }
    switch (event) {
      case 'CONNECT':
        stay.connectedAt = at;
        stay.waitSeconds = this.int(f, 5);
        stay.agent = noAgent(f[3] as string);
        return NONE;
      case 'RINGNOANSWER':
        stay.ringNoAnswerCount += 1;
        stay.ringNoAnswerMs += this.int(f, 5) ?? 0;
        return NONE;
      case 'COMPLETEAGENT':
      case 'COMPLETECALLER':
        return this.answered(stay, f, at, 5, false);
      case 'TRANSFER':
      case 'BLINDTRANSFER':
        return this.answered(stay, f, at, 7, true);
      case 'ATTENDEDTRANSFER': {
        // BRIDGE|bridge and APP|app carry one datum after the method, LINK|chan1|chan2 two.
        const hold = f[5] === 'LINK' ? 8 : 7;
        if (f.length < hold + 2) {
          this.fail('too_few_fields');
          return NONE;
        }
        return this.answered(stay, f, at, hold, true);
      }
      case 'ABANDON':
        return this.exited(stay, 'abandoned', at, this.int(f, 7));
      case 'EXITWITHTIMEOUT':
        return this.exited(stay, 'timeout', at, this.int(f, 7));
      case 'EXITEMPTY':
        return this.exited(stay, 'exit_empty', at, this.int(f, 7));
      default: // EXITWITHKEY
        return this.exited(stay, 'exit_key', at, this.int(f, 8));
    }
  }

  /** Every stay still open: unresolved, or answered with unknown talk time when connected. */
  finish(): ParsedCall[] {
    return this.flushAll();
  }

  private find(callId: string, queue: string): Open | null {
    let stay = this.open.get(callId) ?? null;
    while (stay && stay.queue !== queue) stay = stay.next;
    return stay;
  }

  private enter(f: string[], callId: string, queue: string, at: number): ParsedCall[] {
    const out: ParsedCall[] = [];
    const again = this.find(callId, queue);
    if (again) {
      this.remove(again);
      out.push(this.cut(again));
    }
    const stay: Open = {
      callId,
      queue,
      callerNumber: callerDigits(f[6]),
      agent: null,
      enteredAt: at,
      connectedAt: null,
      waitSeconds: null,
      ringNoAnswerCount: 0,
      ringNoAnswerMs: 0,
      enterPosition: this.int(f, 7),
      next: this.open.get(callId) ?? null,
    };
    if (stay.next) this.open.delete(callId); // re-insert: the map's order stays oldest first
    this.open.set(callId, stay);
    this.openCount += 1;
    while (this.openCount > this.maxOpenCalls) {
      const oldest = this.open.keys().next().value as string;
      let chain = this.open.get(oldest) ?? null;
      this.open.delete(oldest);
      while (chain) {
        this.openCount -= 1;
        out.push(this.cut(chain));
        chain = chain.next;
      }
    }
    return out;
  }

  private remove(stay: Open): void {
    const head = this.open.get(stay.callId);
    this.openCount -= 1;
    if (head === stay) {
      if (stay.next) this.open.set(stay.callId, stay.next);
      else this.open.delete(stay.callId);
      return;
    }
    let prev: Open | null = head ?? null;
    while (prev && prev.next !== stay) prev = prev.next;
    if (prev) prev.next = stay.next;
  }

  private answered(stay: Open, f: string[], at: number, holdIndex: number, transferred: boolean): ParsedCall[] {
    this.remove(stay);
    const hold = this.int(f, holdIndex);
    const talk = this.int(f, holdIndex + 1);
    if (stay.agent === null) stay.agent = noAgent(f[3] as string);
    return [
      this.record(
        stay,
        'answered',
        at,
        stay.connectedAt === null ? hold : (stay.waitSeconds ?? hold),
        talk,
        transferred,
      ),
    ];
  }

  private exited(stay: Open, outcome: CallOutcome, at: number, wait: number | null): ParsedCall[] {
    this.remove(stay);
    return [this.record(stay, outcome, at, wait, null, false)];
  }

  /** A stay whose end is not in the log. */
  private cut(stay: Open): ParsedCall {
    return stay.connectedAt === null
      ? this.record(stay, 'unresolved', null, null, null, false)
      : this.record(stay, 'answered', null, stay.waitSeconds, null, false);
  }

  private flushAll(): ParsedCall[] {
    const out: ParsedCall[] = [];
    for (let chain of this.open.values()) for (; chain; chain = chain.next as Open) out.push(this.cut(chain));
    this.open.clear();
    this.openCount = 0;
    return out;
  }

  private record(
    stay: Open,
    outcome: CallOutcome,
    endedAt: number | null,
    waitSeconds: number | null,
    talkSeconds: number | null,
    transferred: boolean,
  ): ParsedCall {
    return {
      externalId: stay.callId,
      queue: stay.queue,
      callerNumber: stay.callerNumber,
      agent: stay.agent,
      enteredAt: new Date(stay.enteredAt),
      connectedAt: stay.connectedAt === null ? null : new Date(stay.connectedAt),
      endedAt: endedAt === null ? null : new Date(endedAt),
      outcome,
      waitSeconds,
      talkSeconds,
      ringNoAnswerCount: stay.ringNoAnswerCount,
      ringNoAnswerMs: stay.ringNoAnswerMs,
      transferred,
      enterPosition: stay.enterPosition,
    };
  }
}
