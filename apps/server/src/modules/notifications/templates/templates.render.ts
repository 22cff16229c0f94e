/** `{{name}}` placeholders (letters, digits, `_`, `.`), spaces inside the braces allowed. */
const TOKEN = /\{\{\s*([A-Za-z][\w.]{0,63})\s*\}\}/g;

export type TemplateVars = Readonly<Record<string, string | number | null | undefined>>;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/**
 * Fills `{{name}}` with `vars[name]`; a variable without a value reads as empty. Values are
 * inserted as they are (SMS, plain-text e-mail, robots): `html: true` escapes them for an HTML part.
 * Single pass: a value containing `{{x}}` is not expanded again.
 */
export function renderTemplate(template: string, vars: TemplateVars, options: { html?: boolean } = {}): string {
  return template.replace(TOKEN, (_whole, name: string) => {
    const value = vars[name];
    const text = value === null || value === undefined ? '' : String(value);
    return options.html ? escapeHtml(text) : text;
  });
}

/** The variable names a template uses. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(TOKEN)].map((m) => m[1] as string))];
}
