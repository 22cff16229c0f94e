/**
 * The customer notice of a handover: placeholders as the server knows them (handover.template.ts),
 * for the variable buttons, the live preview and a warning before the server refuses a typo. Pure.
 */
export const PLACEHOLDERS = {
  customerName: ['客户名称', 'customerName'],
  previousContact: ['原对接人', 'previousContact'],
  newContact: ['新对接人', 'newContact'],
  newContactPhone: ['新对接人电话', 'newContactPhone'],
} as const;
export type NoticeVariable = keyof typeof PLACEHOLDERS;
export type NoticeValues = Record<NoticeVariable, string>;

const TOKEN = /\{([^{}\s]{1,32})\}/g;
const NAME_TO_VARIABLE = new Map<string, NoticeVariable>(
  (Object.entries(PLACEHOLDERS) as [NoticeVariable, readonly string[]][]).flatMap(([variable, names]) =>
    names.map((name) => [name, variable] as const),
  ),
);

/** The placeholder to insert for a variable, in the UI language (Chinese names in Chinese). */
export function placeholderFor(variable: NoticeVariable, language: string): string {
  const [zh, en] = PLACEHOLDERS[variable];
  return `{${language.startsWith('zh') ? zh : en}}`;
}

export function unknownPlaceholders(template: string): string[] {
  const names = [...template.matchAll(TOKEN)].map((m) => m[1] as string);
  return [...new Set(names.filter((name) => !NAME_TO_VARIABLE.has(name)))];
}

export function renderNotice(template: string, values: NoticeValues): string {
  return template.replace(TOKEN, (whole, name: string) => {
    const variable = NAME_TO_VARIABLE.get(name);
    return variable ? values[variable] || '—' : whole;
  });
}

/** Inserts `text` at the cursor (or the end) of `value`; returns the new value and cursor. */
export function insertAt(value: string, text: string, start?: number | null, end?: number | null) {
  const from = start ?? value.length;
  const to = end ?? from;
  return { value: value.slice(0, from) + text + value.slice(to), cursor: from + text.length };
}
