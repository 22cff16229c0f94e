import type { Database } from '../../db/client.js';

export type JobRow = {
  id: string;
  name: string;
  state: string;
  data: unknown;
  output: unknown;
  retryCount: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
};

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

const COLUMNS = `id::text AS id, name, state::text AS state, data, output, retry_count AS "retryCount",
  created_on AS "createdOn", started_on AS "startedOn", completed_on AS "completedOn"`;

/** pg-boss keeps its jobs in its own schema; this reads them for the admin page. */
export async function listJobs(database: Database, state: JobState | undefined, limit: number, offset: number) {
  const where = state ? 'WHERE state = $1::pgboss.job_state' : 'WHERE $1::text IS NULL';
  const rows = await database.executeSql(
    `SELECT ${COLUMNS} FROM pgboss.job ${where} ORDER BY created_on DESC LIMIT $2 OFFSET $3`,
    [state ?? null, limit, offset],
  );
  const total = await database.executeSql(`SELECT count(*)::int AS n FROM pgboss.job ${where}`, [state ?? null]);
  return { items: rows.rows as JobRow[], total: Number(total.rows[0]?.n ?? 0) };
}

export async function findJobName(database: Database, id: string): Promise<string | undefined> {
  const result = await database.executeSql('SELECT name FROM pgboss.job WHERE id = $1::uuid', [id]);
  return result.rows[0]?.name as string | undefined;
}
