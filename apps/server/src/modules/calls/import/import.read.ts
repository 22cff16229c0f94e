import type { Readable } from 'node:stream';
import type { CallDirection } from '../calls.tables.js';
import { MAX_KEPT_ERRORS, type ParsedCall, QueueLogParser } from './queue-log.parse.js';

/** A call as read from a file: the parser's record, and its direction when the file says (CSV). */
export type CallRow = ParsedCall & { direction?: CallDirection };

/** A line error of an import (queue_log: the parser's codes; CSV: see import.csv.ts). */
export type ImportLineError = { line: number; code: string; text: string };

/** Calls handed to the store at once: one multi-row upsert each. */
export const BATCH_CALLS = 5000;
/** The longest line read (bytes): longer lines are reported `line_too_long`, never held whole. */
export const MAX_LINE_BYTES = 4096;

/** Where a reader hands its calls (in batches) and how far it got. */
export type ImportSink = {
  store(calls: CallRow[]): Promise<void>;
  progress(read: { bytesRead: number; lines: number; errorCount: number }): Promise<void>;
};

export type ReadOutcome = { lines: number; errorCount: number; errors: ImportLineError[] };

/**
 * Splits a byte stream into lines (LF, CRLF) without decoding it whole: each line is decoded on
 * its own (UTF-8, a malformed byte becomes U+FFFD — a queue_log is ASCII but for callers' names);
 * a line longer than `maxBytes` keeps only its first bytes and is flagged, so memory stays bounded
 * whatever the file holds. `onLine` may return a promise only at chunk ends (`afterChunk`).
 */
export async function splitLines(
  stream: Readable,
  onLine: (text: string, tooLong: boolean) => void,
  afterChunk: (bytesRead: number) => Promise<void>,
  maxBytes = MAX_LINE_BYTES,
): Promise<void> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let bytesRead = 0;
  const keep = (piece: Buffer) => {
    if (piece.length === 0) return;
    const room = maxBytes - pendingBytes;
    if (piece.length > room) tooLong = true;
    if (room > 0) {
      // A copy: the chunk is not kept alive by a short piece of it.
      const part = Buffer.from(piece.subarray(0, room));
      pending.push(part);
      pendingBytes += part.length;
    }
  };
  const emit = (text: string) => {
    onLine(text, tooLong);
    pending = [];
    pendingBytes = 0;
    tooLong = false;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) {
        keep(chunk.subarray(start));
        break;
      }
      if (pendingBytes === 0 && !tooLong) {
        if (nl - start > maxBytes) {
          tooLong = true;
          emit(chunk.toString('utf8', start, start + maxBytes));
        } else emit(chunk.toString('utf8', start, nl));
      } else {
        keep(chunk.subarray(start, nl));
        emit(Buffer.concat(pending).toString('utf8'));
      }
      start = nl + 1;
    }
    await afterChunk(bytesRead);
  }
  if (pendingBytes > 0 || tooLong) emit(Buffer.concat(pending).toString('utf8'));
}

/**
 * Reads an Asterisk queue_log stream through the parser (calls/import/queue-log.parse.ts) and hands
 * the calls to `sink` in batches of `BATCH_CALLS`, with progress after each batch. Bounded: lines
 * longer than `MAX_LINE_BYTES`, the parser's open calls and its kept errors.
 */
export async function readQueueLog(stream: Readable, sink: ImportSink): Promise<ReadOutcome> {
  const parser = new QueueLogParser({ maxLineChars: MAX_LINE_BYTES });
  let batch: ParsedCall[] = [];
  let lines = 0;
  const add = (calls: ParsedCall[]) => {
    for (const call of calls) batch.push(call);
  };
  await splitLines(
    stream,
    (text, tooLong) => {
      lines += 1;
      // A cut line is longer than the parser accepts: it reports it as `line_too_long`.
      add(parser.push(tooLong ? text.padEnd(MAX_LINE_BYTES + 1, '…') : text, lines));
    },
    async (bytesRead) => {
      if (batch.length < BATCH_CALLS) return;
      const full = batch;
      batch = [];
      await sink.store(full);
      await sink.progress({ bytesRead, lines, errorCount: parser.errorCount });
    },
  );
  add(parser.finish());
  if (batch.length > 0) await sink.store(batch);
  return { lines, errorCount: parser.errorCount, errors: parser.errors.slice(0, MAX_KEPT_ERRORS) };
}
