import type { Locale } from '@kefu/shared';
import {
  ROBOT_KINDS,
  type Robot,
  type RobotBody,
  type RobotFormat,
  type RobotKind,
  type RobotPatch,
  type RobotTopic,
} from './types';

/** What the dialog edits. `secret` is write-only: empty on edit = keep the stored one. */
export type RobotValues = {
  kind: RobotKind;
  name: string;
  url: string;
  secret: string;
  topics: RobotTopic[];
  mentionMobiles: string[];
  format: RobotFormat;
  /** The language of its messages. */
  locale: Locale;
  enabled: boolean;
};

/** The message formats each work chat accepts (WeCom and DingTalk: markdown; Feishu: cards). */
export const FORMATS: Record<RobotKind, RobotFormat[]> = {
  wecom: ['text', 'markdown'],
  dingtalk: ['text', 'markdown'],
  feishu: ['text', 'card'],
};

/** WeCom puts its key in the URL; DingTalk's 加签 and Feishu's 签名校验 need the secret. */
export const usesSecret = (kind: RobotKind) => kind !== 'wecom';

/** The address each vendor gives when a custom robot is added (what the administrator pastes). */
export const URL_PREFIX: Record<RobotKind, string> = {
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=',
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=',
  feishu: 'https://open.feishu.cn/open-apis/bot/v2/hook/',
};

/** The kind a pasted URL belongs to, when it is one of the vendors' own hosts. */
export function kindOfUrl(url: string): RobotKind | undefined {
  return ROBOT_KINDS.find((kind) => url.trim().startsWith(URL_PREFIX[kind].split('?')[0] ?? URL_PREFIX[kind]));
}

/** An http(s) address with a host (intranet names and any port allowed: the server decides what it may reach). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const MOBILE = /^\+?\d{5,20}$/;
export const isMobile = (value: string) => MOBILE.test(value.trim());

export function toValues(robot: Robot | null): RobotValues {
  return {
    kind: robot?.kind ?? 'dingtalk',
    name: robot?.name ?? '',
    url: robot?.url ?? '',
    secret: '',
    topics: (robot?.topics as RobotTopic[] | undefined) ?? ['complaint.major_reported', 'sla.escalated'],
    mentionMobiles: robot?.mentionMobiles ?? [],
    format: robot?.format ?? 'markdown',
    locale: robot?.locale ?? 'zh-CN',
    enabled: robot?.enabled ?? true,
  };
}

/**
 * The request body: the secret only when one was typed (an edit that leaves it empty keeps the
 * stored secret; WeCom never sends one), the format only if the chat supports it.
 */
export function toBody(values: RobotValues): RobotBody {
  const secret = values.secret.trim();
  const formats = FORMATS[values.kind];
  return {
    kind: values.kind,
    name: values.name.trim(),
    url: values.url.trim(),
    ...(usesSecret(values.kind) && secret ? { secret } : {}),
    topics: values.topics,
    mentionMobiles: values.mentionMobiles.map((m) => m.trim()).filter(Boolean),
    format: formats.includes(values.format) ? values.format : 'text',
    locale: values.locale,
    enabled: values.enabled,
  };
}

/** An edit: the chat cannot change; no `secret` = keep the stored one. */
export function toPatch(values: RobotValues): RobotPatch {
  const { kind: _kind, ...rest } = toBody(values);
  return rest;
}
