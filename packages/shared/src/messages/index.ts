import { ERROR_MESSAGES, type ErrorCode, formatMessage } from '../errors.js';
import type { Locale } from '../locales.js';
import { callbacksWorkEn } from './callbacks-work.en.js';
import { callbacksWorkZhCN } from './callbacks-work.zh-CN.js';
import { callsEn } from './calls.en.js';
import { callsZhCN } from './calls.zh-CN.js';
import { en } from './en.js';
import { labelsEn } from './labels.en.js';
import { labelsZhCN } from './labels.zh-CN.js';
import { surveysEn } from './surveys.en.js';
import { surveysZhCN } from './surveys.zh-CN.js';
import { zhCN } from './zh-CN.js';

/**
 * The one catalog of user-facing server text in zh-CN and en: error
 * messages (`errors*.ts`, by code), notifications, system lines, customer-timeline and
 * ticket-history titles, labels. Anything a person reads is stored as a key + params and worded
 * with `t(locale, key, params)` in the reader's language.
 */
export const MESSAGES = {
  'zh-CN': { ...zhCN, ...labelsZhCN, ...surveysZhCN, ...callbacksWorkZhCN, ...callsZhCN },
  en: { ...en, ...labelsEn, ...surveysEn, ...callbacksWorkEn, ...callsEn },
} satisfies Record<
  Locale,
  Record<
    | keyof typeof zhCN
    | keyof typeof labelsZhCN
    | keyof typeof surveysZhCN
    | keyof typeof callbacksWorkZhCN
    | keyof typeof callsZhCN,
    string
  >
>;

export type MessageKey = keyof (typeof MESSAGES)['zh-CN'];
export const MESSAGE_KEYS = Object.keys(MESSAGES['zh-CN']) as MessageKey[];

/** A text in both languages, as a param (e.g. a label a module declares itself). */
export type LocalizedText = Record<Locale, string>;
/** A message to be worded later, in the reader's language: what notifications and entries store. */
export type MessageRef = { key: MessageKey | ErrorCode; params?: MessageParams };
export type MessageParam = string | number | boolean | null | undefined | MessageRef | LocalizedText | MessageParam[];
export type MessageParams = Record<string, MessageParam>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES['zh-CN'], key);
}

function isRef(value: object): value is MessageRef {
  return typeof (value as { key?: unknown }).key === 'string';
}

function renderParam(locale: Locale, value: MessageParam): string {
  if (value === null || value === undefined) return MESSAGES[locale]['label.none'];
  if (Array.isArray(value)) return value.map((v) => renderParam(locale, v)).join(MESSAGES[locale]['list.separator']);
  if (typeof value === 'object') {
    if (isRef(value)) return t(locale, value.key, value.params);
    return value[locale] ?? value['zh-CN'];
  }
  return String(value);
}

/**
 * The text of `key` in `locale` with its `{param}` placeholders filled. A param may be a message
 * reference (worded in the same language), a `{ 'zh-CN', en }` literal, or a list (joined with the
 * language's separator). An unknown key is returned as is — never happens with typed keys.
 */
export function t(locale: Locale, key: MessageKey | ErrorCode, params: MessageParams = {}): string {
  const template =
    (MESSAGES[locale] as Record<string, string>)[key] ??
    (ERROR_MESSAGES[locale] as Record<string, string>)[key as ErrorCode] ??
    key;
  const rendered: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) rendered[name] = renderParam(locale, value);
  return formatMessage(template, rendered);
}

/** A key worded in every language, for code that hands both on (e.g. a label declared by a module). */
export function localized(key: MessageKey, params?: MessageParams): LocalizedText {
  return { 'zh-CN': t('zh-CN', key, params), en: t('en', key, params) };
}

/** A stored reference worded in `locale`. */
export function renderRef(locale: Locale, ref: MessageRef): string {
  return t(locale, ref.key, ref.params);
}
