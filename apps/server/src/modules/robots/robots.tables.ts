import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.tables.js';

export const ROBOT_KINDS = ['wecom', 'dingtalk', 'feishu'] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];

/**
 * How a robot's messages are sent: plain `text` (mentions work), `markdown`, or a `card`
 * (Feishu interactive card, DingTalk ActionCard with a button to the ticket; WeCom: markdown).
 */
export const ROBOT_FORMATS = ['text', 'markdown', 'card'] as const;
export type RobotFormat = (typeof ROBOT_FORMATS)[number];

/**
 * Work-chat group robots (群机器人) of WeCom, DingTalk and Feishu/Lark: the webhook URL an
 * administrator pasted (WeCom's key and DingTalk's access token are in it), the signing secret
 * (DingTalk 加签, Feishu 签名校验; never answered by the API), and the topics it is told of
 * (notifications/topics.ts: `sla.escalated`, `complaint.major_reported`, `digest.daily`, …).
 * Messages to a robot are notifications on the `robot` channel with the robot's id as recipient.
 */
export const robots = pgTable(
  'robots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ROBOT_KINDS }).notNull(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    secret: text('secret'),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    /** Mobile numbers @-mentioned in text messages (WeCom, DingTalk). */
    mentionMobiles: text('mention_mobiles').array().notNull().default(sql`'{}'::text[]`),
    format: text('format', { enum: ROBOT_FORMATS }).notNull().default('markdown'),
    /** The language the group reads (zh-CN or en). */
    locale: text('locale').notNull().default('zh-CN'),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('robots_topics_idx').using('gin', t.topics)],
);

/**
 * Day counts for the daily digest (new tickets, complaints, major complaints, breaches), kept by a
 * durable listener from the events themselves (exactly once per event), the day in the business
 * time zone.
 */
export const robotDigestCounts = pgTable(
  'robot_digest_counts',
  {
    day: date('day').notNull(),
    metric: text('metric').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.metric] })],
);
