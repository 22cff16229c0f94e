import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE, so not
 * even a bug in Kefu can rewrite history. No foreign keys: entries outlive what they describe.
 *
 * `subject_user_ids` / `subject_department_ids`: whom the described record concerned when the entry
 * was written (its owner, staff contacts, assignee, recorder; its department), as the owning module
 * tells it (lib/data-scope.ts `RecordAudience`). A reader below scope `all` sees an entry when its
 * actor or one of these is within the reader's data scope (audit.repository.ts), without the audit
 * log reading other modules' tables.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    details: jsonb('details'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    subjectUserIds: uuid('subject_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    subjectDepartmentIds: uuid('subject_department_ids').array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at.desc()),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId, t.at.desc()),
    index('audit_log_action_idx').on(t.action, t.at.desc()),
    index('audit_log_subject_users_idx').using('gin', t.subjectUserIds),
    index('audit_log_subject_departments_idx').using('gin', t.subjectDepartmentIds),
  ],
);
