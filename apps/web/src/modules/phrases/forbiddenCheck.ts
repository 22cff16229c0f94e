/**
 * Pure helpers around forbidden-phrase hits (offsets into the checked text, from the shared
 * matcher or the server): the text split for highlighting, one entry per phrase, and replacing a
 * hit by its approved alternative.
 */
import type { ForbiddenHit } from '@kefu/shared';

export type HitLike = Pick<ForbiddenHit, 'phrase' | 'alternative' | 'start' | 'end'> & { matched?: string };
export type TextPart = { text: string; hit?: HitLike };

/** The text as plain and hit parts, in order; overlapping hits are merged into the first one. */
export function splitByHits(text: string, hits: readonly HitLike[]): TextPart[] {
  const sorted = hits
    .filter((h) => h.start >= 0 && h.end <= text.length && h.end > h.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: TextPart[] = [];
  let at = 0;
  for (const hit of sorted) {
    if (hit.start < at) continue;
    if (hit.start > at) parts.push({ text: text.slice(at, hit.start) });
    parts.push({ text: text.slice(hit.start, hit.end), hit });
    at = hit.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** One hit per phrase, in order of first occurrence, with how often it occurs. */
export function distinctHits<H extends HitLike>(hits: readonly H[]): { hit: H; count: number }[] {
  const byPhrase = new Map<string, { hit: H; count: number }>();
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    const entry = byPhrase.get(hit.phrase);
    if (entry) entry.count += 1;
    else byPhrase.set(hit.phrase, { hit, count: 1 });
  }
  return [...byPhrase.values()];
}

/**
 * `text` with the hit replaced by its alternative — only if the text there is still what was
 * checked (the agent may have typed since); otherwise `null`.
 */
export function replaceHit(text: string, hit: HitLike): string | null {
  if (hit.start < 0 || hit.end > text.length || hit.end <= hit.start) return null;
  if (hit.matched !== undefined && text.slice(hit.start, hit.end) !== hit.matched) return null;
  return text.slice(0, hit.start) + hit.alternative + text.slice(hit.end);
}

/** Every occurrence of the hit's phrase replaced, back to front so earlier offsets stay valid. */
export function replaceAllOf(text: string, hits: readonly HitLike[], phrase: string): string {
  let out = text;
  const same = hits.filter((h) => h.phrase === phrase).sort((a, b) => b.start - a.start);
  for (const hit of same) out = replaceHit(out, hit) ?? out;
  return out;
}
