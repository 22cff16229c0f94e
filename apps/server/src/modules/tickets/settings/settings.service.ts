import type { ErrorCode, Locale } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/audit.service.js';
import { assertDepartment, type Ctx } from '../core/tickets.rules.js';
import * as repo from './settings.repository.js';
import type { RootCauseInput, TicketTypeInput } from './settings.schemas.js';

type DeleteResult = { key: string; result: 'deleted' | 'deactivated' };
type Named = { key: string; name: string; nameEn: string | null };

const pick = (locale: Locale, zh: string, en: string | null) => (locale === 'en' && en ? en : zh);

function localized<R extends Named>(locale: Locale, row: R) {
  const { name, nameEn, ...rest } = row;
  return { ...rest, name: pick(locale, name, nameEn), nameZh: name, nameEn };
}

/** One kind of reference data: how to read, write and name it in the audit trail and errors. */
type Kind<R extends Named, I extends { key: string }> = {
  entity: string;
  notFound: ErrorCode;
  keyTaken: ErrorCode;
  list(db: DbOrTx, activeOnly: boolean): Promise<R[]>;
  find(db: DbOrTx, key: string, options: { forUpdate: boolean }): Promise<R | undefined>;
  insert(db: DbOrTx, values: I): Promise<R | undefined>;
  update(db: DbOrTx, key: string, values: Partial<Omit<I, 'key'>>): Promise<R | undefined>;
  remove(db: DbOrTx, key: string): Promise<void>;
  deactivate(db: DbOrTx, key: string): Promise<unknown>;
  check?(db: DbOrTx, values: Partial<I>): Promise<void>;
};

const TYPES: Kind<repo.TicketTypeRow, TicketTypeInput> = {
  entity: 'ticket_type',
  notFound: 'tickets.type_not_found',
  keyTaken: 'tickets.type_key_taken',
  list: repo.listTypes,
  find: repo.findType,
  insert: repo.insertType,
  update: repo.updateType,
  remove: repo.deleteType,
  deactivate: (db, key) => repo.updateType(db, key, { isActive: false }),
  check: (db, values) => assertDepartment(db, values.defaultDepartmentId),
};

const ROOT_CAUSES: Kind<repo.RootCauseRow, RootCauseInput> = {
  entity: 'ticket_root_cause',
  notFound: 'tickets.root_cause_not_found',
  keyTaken: 'tickets.root_cause_key_taken',
  list: repo.listRootCauses,
  find: repo.findRootCause,
  insert: repo.insertRootCause,
  update: repo.updateRootCause,
  remove: repo.deleteRootCause,
  deactivate: (db, key) => repo.updateRootCause(db, key, { isActive: false }),
};

function settings<R extends Named, I extends { key: string }>(kind: Kind<R, I>) {
  const requireRow = async (db: DbOrTx, key: string) => {
    const row = await kind.find(db, key, { forUpdate: true });
    if (!row) throw new AppError(kind.notFound, 404, { params: { key } });
    return row;
  };
  return {
    async list(deps: Deps, locale: Locale, activeOnly = false) {
      return { items: (await kind.list(deps.database.db, activeOnly)).map((r) => localized(locale, r)) };
    },

    async create(deps: Deps, ctx: Ctx, input: I) {
      const row = await deps.database.db.transaction(async (tx) => {
        await kind.check?.(tx, input);
        const created = await kind.insert(tx, input);
        if (!created) {
          throw new AppError(kind.keyTaken, 409, {
            params: { key: input.key },
            fields: [{ path: 'key', message: 'taken' }],
          });
        }
        await recordAudit(tx, ctx, {
          action: `${kind.entity}.created`,
          entityType: kind.entity,
          entityId: created.key,
          after: created,
        });
        return created;
      });
      return localized(ctx.locale, row);
    },

    async update(deps: Deps, ctx: Ctx, key: string, input: Partial<Omit<I, 'key'>>) {
      const row = await deps.database.db.transaction(async (tx) => {
        const before = await requireRow(tx, key);
        await kind.check?.(tx, input as Partial<I>);
        const after = Object.keys(input).length > 0 ? ((await kind.update(tx, key, input)) ?? before) : before;
        await recordAudit(tx, ctx, {
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

    /** Deletes an entry no ticket uses; one that tickets use is deactivated instead. */
    async remove(deps: Deps, ctx: Ctx, key: string): Promise<DeleteResult> {
      return deps.database.db.transaction(async (tx) => {
        const before = await requireRow(tx, key);
        const deleted = await repo.tryDelete(tx, (db) => kind.remove(db, key));
        if (!deleted) await kind.deactivate(tx, key);
        const result = deleted ? 'deleted' : 'deactivated';
        await recordAudit(tx, ctx, {
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

/** Ticket types: key unique (tickets.type_key_taken); the default department must exist. */
export const ticketTypeSettings = settings(TYPES);
/** Root-cause categories of complaint summaries: key unique (tickets.root_cause_key_taken). */
export const rootCauseSettings = settings(ROOT_CAUSES);
