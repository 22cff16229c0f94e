/**
 * What the phrase picker lists: standard phrases and canned replies filtered by a search text
 * (ignoring spaces, punctuation, width and case, like the forbidden-phrase check), and the text a
 * click inserts.
 */
import { type CannedReplyVariable, type CannedReplyVars, normalizeForMatch, renderCannedReply } from '@kefu/shared';

export type PickerPhrase = { id: string; category: string; text: string; textEn: string | null };
export type PickerReply = { id: string; title: string; body: string; category: string | null; isShared: boolean };
export type Insertion = { text: string; missing: CannedReplyVariable[] };

function matches(q: string, ...fields: (string | null | undefined)[]): boolean {
  const needle = normalizeForMatch(q);
  if (!needle) return true;
  return fields.some((f) => f && normalizeForMatch(f).includes(needle));
}

export function filterPhrases<P extends PickerPhrase>(items: readonly P[], q: string): P[] {
  return items.filter((p) => matches(q, p.text, p.textEn, p.category));
}

export function filterReplies<R extends PickerReply>(items: readonly R[], q: string): R[] {
  return items.filter((r) => matches(q, r.title, r.body, r.category));
}

/** Phrases by category, categories in order of first appearance (the API sorts them). */
export function groupByCategory<P extends PickerPhrase>(items: readonly P[]): { category: string; items: P[] }[] {
  const groups = new Map<string, P[]>();
  for (const p of items) {
    const list = groups.get(p.category);
    if (list) list.push(p);
    else groups.set(p.category, [p]);
  }
  return [...groups].map(([category, list]) => ({ category, items: list }));
}

/** A standard phrase in the language asked for (English when there is one, else Chinese). */
export function phraseInsertion(phrase: PickerPhrase, language: 'zh-CN' | 'en' = 'zh-CN'): Insertion {
  return { text: language === 'en' && phrase.textEn ? phrase.textEn : phrase.text, missing: [] };
}

/** A canned reply with the ticket's variables filled in; the ones without a value stay visible. */
export function replyInsertion(reply: PickerReply, vars: CannedReplyVars = {}): Insertion {
  const { text, missing } = renderCannedReply(reply.body, vars);
  return { text, missing };
}
