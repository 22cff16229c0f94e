/**
 * Text helpers for robot messages: cutting to a vendor's byte limit without breaking a character,
 * and turning the markdown a template produces into what each format shows.
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const ELLIPSIS = '…';

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * `text` cut to at most `maxBytes` UTF-8 bytes at a character boundary (a whole grapheme: a
 * Chinese character, an emoji with its modifiers), ending with "…" when it was cut.
 */
export function cutUtf8(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  const budget = maxBytes - utf8Length(ELLIPSIS);
  let used = 0;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    const size = utf8Length(segment);
    if (used + size > budget) break;
    used += size;
    out += segment;
  }
  return out + ELLIPSIS;
}

/** The markdown of a message: the body as is when it starts with a heading, else the subject as a heading above it. */
export function markdownOf(subject: string, body: string): string {
  const trimmed = body.trim();
  if (/^#{1,6}\s/.test(trimmed) || !subject.trim()) return trimmed;
  return `### ${subject.trim()}\n${trimmed}`;
}

/** Plain text from the small markdown subset templates use: headings, bold, links, <font>. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 $2')
    .replace(/<\/?font[^>]*>/g, '')
    .trim();
}

/** Feishu's lark_md has no headings: they become bold lines. */
export function larkMarkdown(markdown: string): string {
  return markdown.replace(/^#{1,6}\s+(.+)$/gm, '**$1**');
}

/** At most `max` characters of a vendor's answer for the delivery log. */
export function clip(text: string, max = 8 * 1024): string {
  return text.length <= max ? text : `${text.slice(0, max)}${ELLIPSIS}`;
}
