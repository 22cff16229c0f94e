/**
 * Canned replies: plain text with `{variable}` placeholders filled from the ticket being answered.
 * The result is plain text (never HTML): values are inserted as they are and the caller displays
 * the reply as text.
 */
export const CANNED_REPLY_VARIABLES = [
  'customerName',
  'ticketNumber',
  'nextReplyAt',
  'agentName',
  'contactName',
  'department',
] as const;
export type CannedReplyVariable = (typeof CANNED_REPLY_VARIABLES)[number];
export type CannedReplyVars = Partial<Record<CannedReplyVariable, string | null | undefined>>;

export type RenderedCannedReply = {
  text: string;
  /** Known variables without a value: left visible as `{name}` for the agent to fill in. */
  missing: CannedReplyVariable[];
  /** Placeholders that are not variables at all (typos): left as they are. */
  unknown: string[];
};

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;
const KNOWN = new Set<string>(CANNED_REPLY_VARIABLES);

function isKnown(name: string): name is CannedReplyVariable {
  return KNOWN.has(name);
}

/** The placeholder names used in `body`, in order of first use, split into known and unknown. */
export function cannedReplyPlaceholders(body: string): { known: CannedReplyVariable[]; unknown: string[] } {
  const known: CannedReplyVariable[] = [];
  const unknown: string[] = [];
  for (const m of body.matchAll(PLACEHOLDER)) {
    const name = m[1] as string;
    if (isKnown(name)) {
      if (!known.includes(name)) known.push(name);
    } else if (!unknown.includes(name)) unknown.push(name);
  }
  return { known, unknown };
}

/** Fills the placeholders of `body` with `vars`; empty values count as missing. */
export function renderCannedReply(body: string, vars: CannedReplyVars): RenderedCannedReply {
  const missing: CannedReplyVariable[] = [];
  const unknown: string[] = [];
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isKnown(name)) {
      if (!unknown.includes(name)) unknown.push(name);
      return whole;
    }
    const value = vars[name];
    if (value === undefined || value === null || value.trim() === '') {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return value;
  });
  return { text, missing, unknown };
}
