import { type ErrorCode, errorMessage, type Locale } from '@kefu/shared';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { activeCustomerFields, type FieldDefinition } from '../archive/custom-fields.js';
import { BASE_IMPORT_FIELDS, columnLetter, type ImportMapping, importFields, suggestMapping } from './import.fields.js';
import { rowMessage } from './import.messages.js';
import { identifyFile, importLimits, inspectFile } from './import.parse.js';
import { type ImportOutcome, processImport, type RunOptions } from './import.process.js';
import * as repo from './import.repository.js';
import type { ImportStatus } from './imports.tables.js';

type ActorCtx = RequestContext & { actor: Actor };

export const IMPORT_JOB = 'customers.import';
/** Files with more data rows than this run as a background job (when jobs are enabled). */
export const INLINE_ROW_LIMIT = 1000;
const RUNNABLE: ImportStatus[] = ['uploaded', 'validated', 'rejected', 'failed'];

/** What a job needs to write the audit entry as the user who started the import. */
export type ImportJobContext = Pick<RequestContext, 'ip' | 'userAgent' | 'requestId' | 'locale'> & {
  actor: Pick<Actor, 'userId' | 'username' | 'displayName'>;
};

export function importView(row: repo.ImportRow, definitions: FieldDefinition[], locale: Locale) {
  const { userId: _u, jobId: _j, failure, ...rest } = row;
  const column = (field: string | null) => {
    const index = field ? row.mapping?.[field] : undefined;
    return index === undefined ? null : `${columnLetter(index)} ${row.headers[index] ?? ''}`.trim();
  };
  return {
    ...rest,
    progress: row.totalRows === 0 ? 0 : Math.floor((row.processedRows / row.totalRows) * 100),
    fields: importFields(definitions, locale),
    failure: failure
      ? { code: failure.code, message: errorMessage(failure.code as ErrorCode, locale, failure.params) }
      : null,
    errors: row.errors.map((e) => ({ ...e, column: column(e.field), message: rowMessage(e.reason, locale, e.params) })),
    duplicates: row.duplicates.map((d) => ({
      ...d,
      column: column(d.field),
      message: d.codes
        ? rowMessage('duplicate_in_database', locale, { field: d.field, codes: d.codes.join('、') })
        : d.elsewhere
          ? rowMessage('duplicate_elsewhere', locale, {
              field: d.field,
              count: d.elsewhere.count,
              contacts: d.elsewhere.contacts.join('、') || '—',
            })
          : rowMessage('duplicate_in_file', locale, { field: d.field, inFileRow: d.inFileRow }),
    })),
  };
}

/**
 * Step 1: the uploaded file is recognised (xlsx, or CSV in UTF-8/GBK), read once to check it and
 * count its rows, and kept with a suggested column mapping. A file that cannot be read is a 4xx
 * and leaves nothing behind.
 */
export async function uploadImport(deps: Deps, ctx: ActorCtx, upload: { fileName: string; bytes: Buffer }) {
  const { db } = deps.database;
  const file = identifyFile(upload.bytes, upload.fileName);
  const { headers, sample, total } = await inspectFile(file, importLimits(deps.config.imports.maxRows));
  const definitions = await activeCustomerFields(db);
  const row = await db.transaction((tx) =>
    repo.insertImport(
      tx,
      {
        userId: ctx.actor.userId,
        fileName: upload.fileName.slice(0, 255),
        format: file.format,
        encoding: file.encoding,
        fileSize: upload.bytes.length,
        headers,
        sampleRows: sample,
        suggestedMapping: suggestMapping(headers, definitions),
        totalRows: total,
      },
      upload.bytes,
    ),
  );
  return importView(row, definitions, ctx.locale);
}

export async function getImport(deps: Deps, ctx: ActorCtx, id: string) {
  const row = await repo.findOwnImport(deps.database.db, ctx.actor.userId, id);
  if (!row) throw new AppError('customers.import_not_found', 404);
  return importView(row, await activeCustomerFields(deps.database.db), ctx.locale);
}

function assertMapping(mapping: ImportMapping, columns: number, definitions: FieldDefinition[], locale: Locale) {
  const invalid = (zh: string, en: string) =>
    new AppError('customers.import_mapping_invalid', 400, {
      params: { reason: locale === 'en' ? en : zh },
      fields: [{ path: 'mapping', message: en }],
    });
  if (mapping.name === undefined) throw invalid('必须指定“客户名称”对应的列。', 'map a column to the customer name.');
  const used = new Map<number, string>();
  for (const [field, index] of Object.entries(mapping) as [string, number][]) {
    const known =
      (BASE_IMPORT_FIELDS as readonly string[]).includes(field) ||
      definitions.some((d) => `customFields.${d.key}` === field);
    if (!known) throw invalid(`未知字段 ${field}。`, `unknown field ${field}.`);
    if (index >= columns)
      throw invalid(`文件没有第 ${columnLetter(index)} 列。`, `the file has no column ${columnLetter(index)}.`);
    const other = used.get(index);
    if (other)
      throw invalid(
        `第 ${columnLetter(index)} 列同时对应了 ${other} 和 ${field}。`,
        `column ${columnLetter(index)} is mapped to both ${other} and ${field}.`,
      );
    used.set(index, field);
  }
  const missing = definitions.filter((d) => d.isRequired && mapping[`customFields.${d.key}`] === undefined);
  if (missing.length > 0) {
    const labels = missing.map((d) => (locale === 'en' ? (d.labelEn ?? d.label) : d.label)).join(', ');
    throw invalid(`必填的自定义字段未指定对应列：${labels}。`, `required custom fields have no column: ${labels}.`);
  }
}

/**
 * Step 2: runs (or dry-runs) the import with the client's mapping. Small files run in the request
 * (200); larger ones as a job (202), whose progress the import record and SSE events report.
 */
export async function runImport(
  deps: Deps,
  ctx: ActorCtx,
  id: string,
  input: RunOptions & { mapping?: ImportMapping },
) {
  const { db } = deps.database;
  const record = await repo.findOwnImport(db, ctx.actor.userId, id);
  if (!record) throw new AppError('customers.import_not_found', 404);
  const definitions = await activeCustomerFields(db);
  const mapping = input.mapping ?? record.suggestedMapping;
  assertMapping(mapping, record.headers.length, definitions, ctx.locale);
  const background = record.totalRows > INLINE_ROW_LIMIT && deps.jobs.started;
  // The job's id is chosen here and stored with the claim: on PGlite, a write after `send` would
  // wait for the job's transaction, and the 202 would come only when the import is done.
  const jobId = background ? crypto.randomUUID() : null;
  // A job's claim commits with the job (the job runs later, elsewhere); an inline run's claim is
  // part of the run's transaction, so that a crash mid-run rolls it back and leaves the import runnable.
  const claim = (dbOrTx: DbOrTx) =>
    repo.transitionImport(dbOrTx, id, RUNNABLE, {
      status: background ? 'queued' : 'running',
      jobId,
      mapping,
      options: { mode: input.mode, duplicates: input.duplicates, dryRun: input.dryRun },
      ...{ processedRows: 0, validRows: 0, importedRows: 0, errorRows: 0, duplicateRows: 0, skippedRows: 0 },
      errors: [],
      duplicates: [],
      failure: null,
      startedAt: background ? null : new Date(),
      finishedAt: null,
    });
  const refused = (status: ImportStatus) =>
    new AppError(status === 'completed' ? 'customers.import_already_done' : 'customers.import_in_progress', 409);
  const context: ImportJobContext = {
    actor: { userId: ctx.actor.userId, username: ctx.actor.username, displayName: ctx.actor.displayName },
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
    locale: ctx.locale,
  };
  if (jobId) {
    // The claim and the job commit together: a queue that refuses leaves the import as it was.
    const claimed = await db.transaction(async (tx) => {
      const row = await claim(tx);
      if (row) await deps.jobs.send(IMPORT_JOB, { importId: id, context }, { id: jobId, tx });
      return row;
    });
    if (!claimed) throw refused(record.status);
    // The claimed row, not a fresh read: on PGlite a fresh read waits for the job's transaction.
    return { queued: true, view: importView(claimed, definitions, ctx.locale) };
  }
  const outcome = await db.transaction(async (tx) => {
    if (!(await claim(tx))) throw refused((await repo.findImport(tx, id))?.status ?? record.status);
    const result = await executeImport(deps, tx, id, context);
    const done = await repo.findImport(tx, id);
    if (done) await recordFinished(tx, done);
    return result;
  });
  if (outcome && 'error' in outcome) throw outcome.error;
  return { queued: false, view: await getImport(deps, ctx, id) };
}

/**
 * Progress has to be visible while the import's transaction is still open, so on PostgreSQL it is
 * written on another pooled connection. PGlite has one connection and every other query waits for
 * the open transaction anyway, so there it goes into the transaction.
 */
function progressDb(deps: Deps, tx: Tx) {
  return deps.database.kind === 'postgres' ? deps.database.db : tx;
}

/**
 * Runs a claimed import inside `tx` (the request's transaction, or the job's with its exactly-once
 * marker): processes the file, stores the result and, for a completed run, one audit entry with
 * the counts, and drops the stored file. A failure of the run itself is recorded as status
 * `failed`; an unexpected one is also returned, so that the request path can answer 500.
 */
export async function executeImport(deps: Deps, tx: Tx, id: string, context: ImportJobContext, jobId?: string) {
  const record = await repo.findImport(tx, id);
  if (!record || !['queued', 'running'].includes(record.status) || !record.mapping || !record.options) return null;
  // A job runs only the run it was sent for: not a later re-run of an import it was abandoned on.
  if (jobId !== undefined && record.jobId !== jobId) return null;
  // An inline run holds the row (its claim is in `tx`): its progress goes into `tx` too.
  const progress = record.jobId ? progressDb(deps, tx) : tx;
  if (record.status === 'queued') await repo.updateImport(progress, id, { status: 'running', startedAt: new Date() });
  const options = record.options as RunOptions;
  let outcome: ImportOutcome;
  try {
    const bytes = await repo.loadImportFile(tx, id);
    if (!bytes) throw new AppError('customers.import_empty_file', 400);
    outcome = await processImport(tx, {
      file: { bytes, format: record.format, encoding: record.encoding },
      limits: importLimits(deps.config.imports.maxRows),
      importId: id,
      mapping: record.mapping,
      options,
      importerId: record.userId,
      async onProgress(processedRows) {
        await repo.updateImport(progress, id, { processedRows });
        const payload = {
          importId: id,
          userId: record.userId,
          status: 'running',
          processedRows,
          totalRows: record.totalRows,
        };
        await recordEvent(progress, 'customer.import_progress', payload, record.userId);
      },
    });
  } catch (error) {
    const failure =
      error instanceof AppError
        ? { code: error.code, params: error.params }
        : { code: 'internal', params: { requestId: context.requestId }, detail: String(error) };
    await repo.updateImport(tx, id, { status: 'failed', failure, finishedAt: new Date() });
    return error instanceof AppError ? { status: 'failed' as const } : { status: 'failed' as const, error };
  }
  const { errors, duplicates, ...counts } = outcome;
  await repo.updateImport(tx, id, { ...counts, errors, duplicates, finishedAt: new Date() });
  if (outcome.status === 'completed') {
    await repo.deleteImportFile(tx, id);
    const auditCtx: RequestContext = { ...context, actor: context.actor as Actor };
    await recordAudit(tx, auditCtx, {
      action: 'customer.imported',
      entityType: 'customer_import',
      entityId: id,
      details: { fileName: record.fileName, format: record.format, encoding: record.encoding, ...options, ...counts },
    });
  }
  return outcome;
}

/** The last progress event (with the final status) and, for a completed import, `customer.imported`. */
export async function recordFinished(
  tx: DbOrTx,
  row: Pick<repo.ImportRow, 'id' | 'userId' | 'status' | 'processedRows' | 'totalRows' | 'importedRows'>,
) {
  const { id: importId, userId, status, processedRows, totalRows, importedRows } = row;
  await recordEvent(tx, 'customer.import_progress', { importId, userId, status, processedRows, totalRows }, userId);
  if (status === 'completed') await recordEvent(tx, 'customer.imported', { importId, userId, importedRows }, userId);
}
