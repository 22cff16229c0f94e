import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { ERROR_CODES, type ErrorCode, errorMessage, type Locale } from '@kefu/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { discard } from '../../../lib/file-store/spool.js';
import { recordAudit } from '../../audit/index.js';
import { callImports } from '../calls.tables.js';
import { type CsvMapping, readCsv } from './import.csv.js';
import { type CallRow, type ImportSink, readQueueLog } from './import.read.js';
import { upsertCalls } from './import.store.js';

export const CALL_IMPORT_JOB = 'calls.import';
export type CallImportFormat = 'asterisk-queue-log' | 'csv';
/** Files up to this size are imported in the request (200); larger ones by a job (202). */
export const INLINE_MAX_BYTES = 1024 * 1024;

type ImportRow = typeof callImports.$inferSelect;

/** What the API answers for an import: its status, progress (0–1 of the bytes) and summary. */
export function importView(row: ImportRow, locale: Locale) {
  const code = row.failureCode;
  return {
    id: row.id,
    status: row.status,
    format: row.format,
    fileName: row.fileName,
    bytes: row.bytes,
    bytesRead: row.bytesRead,
    progress: row.status === 'done' ? 1 : row.bytes > 0 ? Math.min(1, row.bytesRead / row.bytes) : 0,
    lines: row.lines,
    calls: row.calls,
    inserted: row.inserted,
    updated: row.updated,
    errorCount: row.errorCount,
    errors: row.errors,
    failure:
      code && (ERROR_CODES as readonly string[]).includes(code)
        ? { code, message: errorMessage(code as ErrorCode, locale, row.failureParams ?? undefined) }
        : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
export type CallImportView = ReturnType<typeof importView>;

/** Hook for other parts of the module (customer linking): called with the ids of each stored batch. */
export type AfterCallsStored = (db: DbOrTx, ids: string[]) => Promise<void>;
let afterStored: AfterCallsStored | null = null;
/** Registers the one hook run after every stored batch (calls/records wires customer linking here). */
export function onCallsStored(hook: AfterCallsStored | null): void {
  afterStored = hook;
}
export async function callsStored(db: DbOrTx, ids: string[]): Promise<void> {
  if (afterStored && ids.length > 0) await afterStored(db, ids);
}

/**
 * Reads one import's file into `db` (autocommitted batches for a job, so progress shows and a
 * re-run continues safely; the request's transaction for a small file) and writes its summary.
 */
async function processFile(
  deps: Deps,
  db: DbOrTx,
  row: ImportRow,
  stream: Readable,
  progressDb: DbOrTx,
): Promise<ImportRow> {
  let calls = 0;
  let inserted = 0;
  let updated = 0;
  // One batch is written while the next one is read (at most one in flight): the parser's CPU and
  // the database's work overlap. A failed write surfaces at the next batch or at the end.
  let inFlight: Promise<void> = Promise.resolve();
  const write = async (batch: CallRow[]) => {
    const stored = await upsertCalls(db, row.format, row.id, batch);
    calls += batch.length;
    inserted += stored.inserted;
    updated += stored.updated;
    await callsStored(db, stored.ids);
  };
  const sink: ImportSink = {
    async store(batch: CallRow[]) {
      await inFlight;
      inFlight = write(batch);
      inFlight.catch(() => {}); // awaited later; not an unhandled rejection meanwhile
    },
    async progress({ bytesRead, lines, errorCount }) {
      await progressDb
        .update(callImports)
        .set({ bytesRead, lines, calls, inserted, updated, errorCount })
        .where(eq(callImports.id, row.id));
    },
  };
  const outcome =
    row.format === 'csv'
      ? await readCsv(stream, (row.mapping ?? {}) as CsvMapping, deps.config.timezone, sink)
      : await readQueueLog(stream, sink);
  await inFlight;
  const [done] = await db
    .update(callImports)
    .set({
      status: 'done',
      bytesRead: row.bytes,
      lines: outcome.lines,
      calls,
      inserted,
      updated,
      errorCount: outcome.errorCount,
      errors: outcome.errors,
      finishedAt: new Date(),
    })
    .where(eq(callImports.id, row.id))
    .returning();
  if (!done) throw new Error(`call import ${row.id} vanished`);
  return done;
}

export type NewImport = {
  format: CallImportFormat;
  mapping: CsvMapping | null;
  fileName: string;
  /** The spooled upload (lib/file-store/spool.ts), removed here in every case. */
  path: string;
  size: number;
};

/**
 * Starts an import of a spooled upload. A small file is read in the request, in one transaction
 * (a file refused half-way stores nothing) → `{ queued: false }`; a larger one goes to the file
 * store and a job reads it → `{ queued: true }` (poll GET). One audit entry either way.
 */
export async function startImport(deps: Deps, ctx: RequestContext & { actor: Actor }, input: NewImport) {
  const { db } = deps.database;
  const values = {
    userId: ctx.actor.userId,
    format: input.format,
    fileName: input.fileName.slice(0, 255) || 'upload',
    mapping: input.mapping as Record<string, string> | null,
    bytes: input.size,
  };
  const audit = (tx: DbOrTx, id: string) =>
    recordAudit(tx, ctx, {
      action: 'call.import_started',
      entityType: 'call_import',
      entityId: id,
      details: { fileName: values.fileName, format: input.format, bytes: input.size },
      audience: { userIds: [ctx.actor.userId] },
    });
  if (input.size <= INLINE_MAX_BYTES) {
    try {
      const done = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(callImports)
          .values({ ...values, status: 'running', startedAt: new Date() })
          .returning();
        if (!row) throw new Error('call import not created');
        await audit(tx, row.id);
        return processFile(deps, tx, row, fs.createReadStream(input.path), tx);
      });
      return { queued: false, view: importView(done, ctx.locale) };
    } finally {
      await discard(input.path);
    }
  }
  const id = randomUUID();
  const fileKey = `call-imports/${id}`;
  try {
    await deps.files.putFile(fileKey, input.path);
  } finally {
    await discard(input.path);
  }
  try {
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(callImports)
        .values({ ...values, id, fileKey })
        .returning();
      await audit(tx, id);
      await deps.jobs.send(CALL_IMPORT_JOB, { importId: id }, { tx });
      return created;
    });
    if (!row) throw new Error('call import not created');
    return { queued: true, view: importView(row, ctx.locale) };
  } catch (error) {
    await deps.files.remove(fileKey);
    throw error;
  }
}

/**
 * The job's run (see import.jobs.ts): reads the stored file from the start in autocommitted
 * batches. Idempotent: a run interrupted anywhere (kill -9) and run again stores every call once
 * (the natural key), so the retry simply reads the file again; its counts are then those of the
 * re-run (rows the interrupted run had written count as known). A refused file (AppError) fails
 * the import for good; an unexpected error fails it and is thrown so that the job is retried.
 */
export async function runImportJob(deps: Deps, importId: string): Promise<void> {
  const { db } = deps.database;
  const [row] = await db.select().from(callImports).where(eq(callImports.id, importId));
  if (!row || row.status === 'done' || !row.fileKey) return;
  const [running] = await db
    .update(callImports)
    .set({
      status: 'running',
      startedAt: new Date(),
      ...{ bytesRead: 0, lines: 0, calls: 0, inserted: 0, updated: 0, errorCount: 0 },
      ...{ errors: [], failureCode: null, failureParams: null },
    })
    .where(eq(callImports.id, importId))
    .returning();
  if (!running) return;
  const fail = (code: string, params: Record<string, unknown>) =>
    db
      .update(callImports)
      .set({
        status: 'failed',
        failureCode: code,
        failureParams: params as Record<string, string>,
        finishedAt: new Date(),
      })
      .where(eq(callImports.id, importId));
  const file = await deps.files.open(row.fileKey);
  if (!file) {
    await fail('calls.import_file_missing', {});
    return;
  }
  try {
    await processFile(deps, db, running, file.stream, db);
  } catch (error) {
    file.stream.destroy();
    if (error instanceof AppError) {
      await fail(error.code, error.params);
      await deps.files.remove(row.fileKey);
      await db.update(callImports).set({ fileKey: null }).where(eq(callImports.id, importId));
      return;
    }
    await fail('internal', {});
    throw error;
  }
  await deps.files.remove(row.fileKey);
  await db.update(callImports).set({ fileKey: null }).where(eq(callImports.id, importId));
}

/** One import, for its user or a holder of `calls.manage`; anyone else: 404. */
export async function getImport(deps: Deps, actor: Actor, locale: Locale, id: string): Promise<CallImportView> {
  const visible = actor.permissions.has('calls.manage') ? sql`TRUE` : eq(callImports.userId, actor.userId);
  const [row] = await deps.database.db
    .select()
    .from(callImports)
    .where(and(eq(callImports.id, id), visible));
  if (!row) throw new AppError('calls.import_not_found', 404);
  return importView(row, locale);
}
