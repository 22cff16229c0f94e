/** Bulk statements take at most this many ids (keeps far below PostgreSQL's 65 535 parameters). */
export const CHUNK = 1000;

export function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
