import type { DbOrTx } from '../../db/client.js';
import {
  notificationAttempts,
  notificationChannelSettings,
  notifications,
  notificationTemplates,
} from './notifications.tables.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Demo data for the administrator's pages (templates, channels, delivery log, dead letters): a few
 * template overrides, the SMS rest hours written out, and messages in every final state with
 * their tries. Addresses are under example.com / reserved numbers; none is ever really due.
 */
export async function seedNotificationsDemo(db: DbOrTx, now = new Date()): Promise<void> {
  await db.insert(notificationTemplates).values([
    {
      topic: 'ticket.reply',
      channel: 'email',
      locale: 'zh-CN',
      subject: '【客服中心】工单 {{ticketNumber}}：{{subject}}',
      body: '尊敬的{{customerName}}：\n\n{{body}}\n\n客服专员 {{agentName}}\n如有疑问请直接回复本邮件，请保留标题中的工单号。',
    },
    {
      topic: 'handover.customer_notice',
      channel: 'sms',
      locale: 'zh-CN',
      subject: '',
      body: '尊敬的{{customerName}}，您的客服对接人已变更为{{newContact}}（{{newContactPhone}}），感谢您的支持。',
      providerTemplateId: 'SMS_DEMO_0001',
    },
    {
      topic: 'sla.escalated',
      channel: 'robot',
      locale: 'zh-CN',
      subject: '工单升级提醒',
      body: '### ⚠️ {{subject}}\n{{body}}\n> 请相关负责人尽快处理',
    },
  ]);
  await db
    .insert(notificationChannelSettings)
    .values([
      {
        channel: 'sms',
        enabled: true,
        ratePerMinute: 60,
        quietHours: [{ from: '21:00', to: '08:30' }],
        maxAttempts: 8,
      },
    ])
    .onConflictDoNothing();

  const at = (ago: number) => new Date(now.getTime() - ago);
  const rows = await db
    .insert(notifications)
    .values([
      {
        channel: 'email',
        recipient: 'zhang.li@example.com',
        topic: 'ticket.reply',
        subject: '【客服中心】工单 T20260105-0012：空调不制冷',
        body: '尊敬的张丽：\n\n维修师傅已于今天上午更换压缩机，请您试用后反馈。\n\n客服专员 王芳',
        status: 'sent',
        attempts: 1,
        createdAt: at(26 * HOUR),
        sentAt: at(26 * HOUR - 2000),
      },
      {
        channel: 'sms',
        recipient: '13800000123',
        topic: 'handover.customer_notice',
        subject: '',
        body: '尊敬的杭州明远广告，您的客服对接人已变更为刘洋（13800138000），感谢您的支持。',
        status: 'sent',
        attempts: 2,
        createdAt: at(5 * HOUR),
        sentAt: at(5 * HOUR - MINUTE),
      },
      {
        channel: 'sms',
        recipient: '13800000456',
        topic: 'handover.customer_notice',
        subject: '',
        body: '尊敬的广州喜临门，您的客服对接人已变更为刘洋（13800138000），感谢您的支持。',
        status: 'dead',
        attempts: 3,
        lastError: 'isv.MOBILE_NUMBER_ILLEGAL：手机号码格式错误',
        createdAt: at(4 * HOUR),
      },
      {
        channel: 'email',
        recipient: 'service@example.com',
        topic: 'sla.escalated',
        subject: '【升级】工单 T20260106-0003 解决已超时',
        body: '工单 T20260106-0003 解决已超时，已升级到第 2 级。',
        status: 'failed',
        attempts: 2,
        lastError: '421 4.7.0 Try again later',
        nextAttemptAt: new Date(now.getTime() + 30 * MINUTE),
        createdAt: at(20 * MINUTE),
      },
      {
        channel: 'email',
        recipient: 'optout@example.com',
        topic: 'ticket.reply',
        subject: '【客服中心】工单 T20260104-0020：发票补开',
        body: '发票已重新开具。',
        status: 'suppressed',
        createdAt: at(3 * HOUR),
      },
    ])
    .returning({ id: notifications.id, channel: notifications.channel, status: notifications.status });
  const [sentMail, sentSms, deadSms, failedMail] = rows;
  const attempt = (id: string | undefined, channel: string, n: number, ago: number, ok: boolean, extra: object) => ({
    notificationId: id as string,
    channel,
    attempt: n,
    at: at(ago),
    ok,
    durationMs: ok ? 420 : 1200,
    ...extra,
  });
  await db.insert(notificationAttempts).values([
    attempt(sentMail?.id, 'email', 1, 26 * HOUR - 2000, true, {
      status: 250,
      response: '250 2.0.0 Ok: queued as 4F2A1C',
    }),
    attempt(sentSms?.id, 'sms', 1, 5 * HOUR, false, {
      status: 200,
      response: '{"Code":"isv.BUSINESS_LIMIT_CONTROL"}',
      error: 'isv.BUSINESS_LIMIT_CONTROL：触发流控',
    }),
    attempt(sentSms?.id, 'sms', 2, 5 * HOUR - MINUTE, true, {
      status: 200,
      response: '{"Code":"OK","BizId":"900619746936498440^0"}',
    }),
    ...[1, 2, 3].map((n) =>
      attempt(deadSms?.id, 'sms', n, 4 * HOUR - n * MINUTE, false, {
        status: 200,
        response: '{"Code":"isv.MOBILE_NUMBER_ILLEGAL","Message":"非法手机号"}',
        error: 'isv.MOBILE_NUMBER_ILLEGAL：手机号码格式错误',
      }),
    ),
    ...[1, 2].map((n) =>
      attempt(failedMail?.id, 'email', n, 20 * MINUTE - n * MINUTE, false, {
        status: 421,
        response: '421 4.7.0 Try again later',
        error: '421 4.7.0 Try again later',
      }),
    ),
  ]);
}
