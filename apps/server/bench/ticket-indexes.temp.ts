import type { Database } from '../src/db/client.js';

// TEMP until migration `ticket_open_queue_index`: delete this file and its call in tickets.ts once
// the lead has generated that migration from src/db/schema/tickets.ts (indexes `tickets_open_idx`,
// `tickets_unassigned_idx`, `tickets_priority_idx`).
//
// The ticket-list indexes of the schema that no migration creates yet, applied by hand to the
// benchmark's database right after migrating (on an empty table: tickets-volume.ts then drops and
// rebuilds it with the others around the bulk load). Idempotent.
export const TEMP_TICKET_INDEXES = [
  `CREATE INDEX IF NOT EXISTS tickets_open_idx ON tickets
     (updated_at DESC, id, assignee_id, department_id, created_by, type_key, priority)
     WHERE status IN ('received', 'classified', 'investigating')`,
  `CREATE INDEX IF NOT EXISTS tickets_unassigned_idx ON tickets (department_id, updated_at DESC, id, created_by)
     WHERE assignee_id IS NULL`,
  'CREATE INDEX IF NOT EXISTS tickets_priority_idx ON tickets (priority, updated_at DESC, id)',
];

// TEMP until migration `ticket_open_queue_index`.
export async function applyTempTicketIndexes(database: Database): Promise<void> {
  for (const statement of TEMP_TICKET_INDEXES) await database.executeSql(statement);
}
