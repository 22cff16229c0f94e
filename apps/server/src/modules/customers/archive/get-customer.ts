import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { auditCustomerView } from '../records/read-audit.js';
import * as repo from './customers.repository.js';
import type { CustomerView } from './customers.schemas.js';

/**
 * The customer file. Reading it is audited (seed 002: no access to customer files without
 * permission, so every access is on record); outside the caller's scope it does not exist (404).
 */
export async function getCustomer(
  deps: Deps,
  ctx: RequestContext & { actor: Actor },
  id: string,
  { audit = true }: { audit?: boolean } = {},
): Promise<CustomerView> {
  const { db } = deps.database;
  const found = await repo.findCustomerInScope(db, ctx.actor, id);
  if (!found) throw new AppError('customers.not_found', 404);
  const [contacts, staff] = await Promise.all([repo.listContacts(db, id), repo.listStaff(db, id)]);
  if (audit) await auditCustomerView(db, ctx, id, 'file');
  const c = found.customer;
  return {
    id: c.id,
    code: c.code,
    kind: c.kind,
    name: c.name,
    phone: c.phone,
    email: c.email,
    region: c.region,
    categoryKey: c.categoryKey,
    categoryName: found.categoryName,
    grade: c.grade,
    isKey: c.isKey,
    ownerId: c.ownerId,
    ownerName: found.ownerName,
    customFields: c.customFields,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    legalRepresentative: c.legalRepresentative,
    address: c.address,
    postalCode: c.postalCode,
    fax: c.fax,
    wechat: c.wechat,
    businessScope: c.businessScope,
    registeredCapital: c.registeredCapital === null ? null : Number(c.registeredCapital),
    birthday: c.birthday,
    notes: c.notes,
    version: c.version,
    contacts: contacts.map(({ customerId: _c, createdAt: _a, updatedAt: _u, ...rest }) => rest),
    staff,
  };
}
