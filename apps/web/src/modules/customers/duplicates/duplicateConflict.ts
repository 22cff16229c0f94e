/** The duplicate warning of POST /customers (409), as the form shows it. */
export type PossibleDuplicate = { id: string; code: string; name: string; reasons: string[] };
/** A duplicate outside the user's data scope: why it matched and whom to ask, never which customer. */
export type ElsewhereDuplicate = { reasons: string[]; contacts: string[] };
export type DuplicateConflict = { duplicates: PossibleDuplicate[]; elsewhere: ElsewhereDuplicate[] };

const DUPLICATE_CODES = ['customers.possible_duplicate', 'customers.duplicate_elsewhere'];

/** Whether a 409 is a duplicate warning (named candidates, and/or ones outside the user's scope). */
export const isDuplicateCode = (code: string) => DUPLICATE_CODES.includes(code);

/** Reads the candidates of a duplicate 409 (`params.duplicates`, `params.elsewhere`). */
export function duplicatesOf(params: Record<string, unknown>): DuplicateConflict {
  const list = Array.isArray(params.duplicates) ? params.duplicates : [];
  const others = Array.isArray(params.elsewhere) ? params.elsewhere : [];
  return {
    duplicates: list.filter(
      (d): d is PossibleDuplicate =>
        typeof d === 'object' && d !== null && typeof d.id === 'string' && typeof d.name === 'string',
    ),
    elsewhere: others
      .filter((d): d is ElsewhereDuplicate => typeof d === 'object' && d !== null && Array.isArray(d.reasons))
      .map((d) => ({ reasons: d.reasons, contacts: Array.isArray(d.contacts) ? d.contacts : [] })),
  };
}
