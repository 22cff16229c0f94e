import type { ErrorCode, Locale } from '@kefu/shared';
import type { DbOrTx } from '../db/client.js';
import type { RequestContext } from './actor.js';
import { AppError } from './app-error.js';
import type { Deps } from './deps.js';
import { tryDelete } from './keyed-table.js';

/**
 * The use cases of a keyed reference table (ticket types, root causes, customer categories,
 * milestone types…): list localized, create (409 when the key is taken), update, delete — or
 * deactivate when rows still point at the entry — each in one transaction with its audit entry.
 * The one implementation of settings tables (issue 11); the queries come from `keyedTable`.
 */
type Named = { key: string; name: string; nameEn: string | null };
type AuditEntry = { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown };
export type DeleteResult = { key: string; result: 'deleted' | 'deactivated' };

const pick = (locale: Locale, zh: string, en: string | null | undefined) => (locale === 'en' && en ? en : zh);

/** A row with `name` in the caller's language, and both names (`nameZh`, `nameEn`) for editing. */
export function localized<R extends Named>(locale: Locale, row: R) {
  const { name, nameEn, ...rest } = row;
  return { ...rest, name: pick(locale, name, nameEn), nameZh: name, nameEn };
}

/** One kind of reference data: how to read, write and name it in the audit trail and errors. */
export type SettingsKind<R extends Named, I extends { key: string }> = {
  entity: string;
  notFound: ErrorCode;
  keyTaken: ErrorCode;
  list(db: DbOrTx, activeOnly: boolean): Promise<R[]>;
  find(db: DbOrTx, key: string, options: { forUpdate: boolean }): Promise<R | undefined>;
  insert(db: DbOrTx, values: I): Promise<R | undefined>;
  update(db: DbOrTx, key: string, values: Partial<Omit<I, 'key'>> | { isActive: false }): Promise<R | undefined>;
  delete(db: DbOrTx, key: string): Promise<void>;
  /** Checks the values before a write (e.g. a referenced department exists). */
  check?(db: DbOrTx, values: Partial<I>): Promise<void>;
  /** The audit module's recordAudit (lib does not import modules). */
  audit(db: DbOrTx, ctx: RequestContext, entry: AuditEntry): Promise<void>;
};

export function keyedSettings<R extends Named, I extends { key: string }>(kind: SettingsKind<R, I>) {
  const requireRow = async (db: DbOrTx, key: string) => {
    const row = await kind.find(db, key, { forUpdate: true });
    if (!row) throw new AppError(kind.notFound, 404, { params: { key } });
    return row;
  };
  return {
    async list(deps: Deps, locale: Locale, activeOnly = false) {
      return { items: (await kind.list(deps.database.db, activeOnly)).map((r) => localized(locale, r)) };
    },

    async create(deps: Deps, ctx: RequestContext, input: I) {
      const row = await deps.database.db.transaction(async (tx) => {
        await kind.check?.(tx, input);
        const created = await kind.insert(tx, input);
        if (!created) {
          throw new AppError(kind.keyTaken, 409, {
            params: { key: input.key },
            fields: [{ path: 'key', message: 'taken' }],
          });
        }
        await kind.audit(tx, ctx, {
          action: `${kind.entity}.created`,
          entityType: kind.entity,
          entityId: created.key,
          after: created,
        });
        return created;
      });
      return localized(ctx.locale, row);
    },

    async update(deps: Deps, ctx: RequestContext, key: string, input: Partial<Omit<I, 'key'>>) {
      const row = await deps.database.db.transaction(async (tx) => {
        const before = await requireRow(tx, key);
        await kind.check?.(tx, input as Partial<I>);
        const after = Object.keys(input).length > 0 ? ((await kind.update(tx, key, input)) ?? before) : before;
        await kind.audit(tx, ctx, {
          action: `${kind.entity}.updated`,
          entityType: kind.entity,
          entityId: key,
          before,
          after,
        });
        return after;
      });
      return localized(ctx.locale, row);
    },

    /** Deletes an entry nothing uses; one still referenced is deactivated instead. */
    async remove(deps: Deps, ctx: RequestContext, key: string): Promise<DeleteResult> {
      return deps.database.db.transaction(async (tx) => {
        const before = await requireRow(tx, key);
        const deleted = await tryDelete(tx, (db) => kind.delete(db, key));
        if (!deleted) await kind.update(tx, key, { isActive: false });
        const result = deleted ? 'deleted' : 'deactivated';
        await kind.audit(tx, ctx, {
          action: `${kind.entity}.${result}`,
          entityType: kind.entity,
          entityId: key,
          before,
        });
        return { key, result };
      });
    },
  };
}
