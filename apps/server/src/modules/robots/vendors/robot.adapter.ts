import { type Locale, type MessageKey, type MessageParams, t } from '@kefu/shared';
import { AppError } from '../../../lib/app-error.js';
import type { ChannelAdapter, DeliveryResult, OutboundMessage } from '../../../lib/channel-adapter.js';
import type { Deps } from '../../../lib/deps.js';
import { OutboundError, postOutbound } from '../../../lib/outbound-http.js';
import * as repo from '../robots.repository.js';
import type { RobotKind } from '../robots.tables.js';
import { dingtalkVendor } from './dingtalk.vendor.js';
import { feishuVendor } from './feishu.vendor.js';
import { clip, markdownOf } from './robot.text.js';
import type { RobotMessage, RobotTarget, Vendor } from './vendor.contract.js';
import { wecomVendor } from './wecom.vendor.js';

export const VENDORS: Record<RobotKind, Vendor> = {
  wecom: wecomVendor,
  dingtalk: dingtalkVendor,
  feishu: feishuVendor,
};

const TIMEOUT_MS = 15_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const vendorName = (kind: RobotKind) => ({ key: `label.robot_kind.${kind}` as MessageKey });

/** The robot message of a notification: its subject as the title, its text as markdown, the link from its headers. */
export function robotMessageOf(
  message: Pick<OutboundMessage, 'subject' | 'body' | 'headers' | 'locale'>,
): RobotMessage {
  const link = typeof message.headers?.link === 'string' ? message.headers.link : null;
  return {
    title: message.subject,
    markdown: markdownOf(message.subject, message.body),
    link,
    linkLabel: t(message.locale, 'robot.open_ticket'),
  };
}

/**
 * Sends one message to one robot and reads the vendor's answer. Never throws for a refusal: the
 * result says what happened in the robot's language (vendor error code included), whether to try
 * again, and after how long when the vendor rate-limited it.
 */
export async function deliverToRobot(
  deps: Deps,
  robot: RobotTarget,
  message: RobotMessage,
  locale: Locale,
  now = new Date(),
): Promise<DeliveryResult> {
  const vendor = VENDORS[robot.kind];
  let request: ReturnType<Vendor['build']>;
  try {
    request = vendor.build(robot, message, now);
  } catch (err) {
    return { ok: false, status: null, error: t(locale, 'outbound.bad_url'), retryable: false, request: String(err) };
  }
  const logged = `POST ${request.logUrl}\n${clip(request.body)}`;
  let answer: Awaited<ReturnType<typeof postOutbound>>;
  try {
    answer = await postOutbound(request.url, request.body, {
      allowPrivate: deps.config.outbound.allowPrivate,
      timeoutMs: TIMEOUT_MS,
    });
  } catch (err) {
    if (err instanceof AppError) {
      return {
        ok: false,
        status: null,
        request: logged,
        error: t(locale, err.code, err.params as MessageParams),
        retryable: false,
      };
    }
    const text = err instanceof OutboundError ? err.message : String(err);
    return {
      ok: false,
      status: null,
      request: logged,
      error: t(locale, 'robot.error.network', { message: text }),
      retryable: true,
    };
  }
  const response = clip(answer.body);
  const verdict = vendor.judge(answer.status, answer.body);
  if (verdict.ok) return { ok: true, status: answer.status, request: logged, response, retryable: false };
  const vendorLabel = vendorName(robot.kind);
  const params = { vendor: vendorLabel, code: verdict.code, message: verdict.message, status: answer.status };
  const hint = verdict.hint ? t(locale, verdict.hint) : '';
  if (verdict.kind === 'rate_limited') {
    return {
      ok: false,
      status: answer.status,
      request: logged,
      response,
      error: t(locale, 'robot.error.rate_limited', params),
      retryable: true,
      retryAfterSeconds: verdict.retryAfterSeconds ?? 60,
    };
  }
  const key =
    /^\d{3}$/.test(verdict.code) && Number(verdict.code) === answer.status ? 'robot.error.http' : 'robot.error.vendor';
  return {
    ok: false,
    status: answer.status,
    request: logged,
    response,
    error: t(locale, key, params) + hint,
    retryable: verdict.kind === 'temporary',
  };
}

/** The `robot` delivery channel: the recipient is a robot's id. */
export const robotAdapter: ChannelAdapter = {
  channel: 'robot',
  async send(deps, message) {
    const robot = UUID.test(message.recipient) ? await repo.findRobot(deps.database.db, message.recipient) : undefined;
    if (!robot) return { ok: false, status: null, error: t(message.locale, 'robot.error.not_found'), retryable: false };
    if (!robot.enabled && message.topic !== 'robots.test') {
      return { ok: false, status: null, error: t(message.locale, 'robot.error.disabled'), retryable: false };
    }
    return deliverToRobot(deps, robot, robotMessageOf(message), message.locale);
  },
};
