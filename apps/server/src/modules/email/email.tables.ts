import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * E-mail settings (one row, id 1): the SMTP account mail leaves by, the sender, optional DKIM
 * signing, and the IMAP mailbox customer mail is read from. Passwords and the DKIM key are
 * write-only (the API answers `hasSmtpPassword`, `hasImapPassword`, `hasDkimKey`); like the other
 * channel secrets they are stored as given, so database backups must be kept as safe as they are.
 * `imapUidValidity` / `imapLastUid`: how far the mailbox was read (IMAP UIDs only grow within one
 * UIDVALIDITY); `inboundMaxBytes`: mails larger than this (by the server's RFC822.SIZE) are skipped
 * without being downloaded.
 */
export const emailSettings = pgTable('email_settings', {
  id: integer('id').primaryKey().default(1),
  smtpHost: text('smtp_host').notNull().default(''),
  smtpPort: integer('smtp_port').notNull().default(465),
  /** TLS from the first byte (port 465); false: plain, upgraded with STARTTLS when offered (587, 25). */
  smtpSecure: boolean('smtp_secure').notNull().default(true),
  smtpUser: text('smtp_user').notNull().default(''),
  smtpPassword: text('smtp_password'),
  fromAddress: text('from_address').notNull().default(''),
  fromName: text('from_name').notNull().default(''),
  dkimDomain: text('dkim_domain').notNull().default(''),
  dkimSelector: text('dkim_selector').notNull().default(''),
  dkimPrivateKey: text('dkim_private_key'),
  imapHost: text('imap_host').notNull().default(''),
  imapPort: integer('imap_port').notNull().default(993),
  imapSecure: boolean('imap_secure').notNull().default(true),
  imapUser: text('imap_user').notNull().default(''),
  imapPassword: text('imap_password'),
  imapMailbox: text('imap_mailbox').notNull().default('INBOX'),
  pollingEnabled: boolean('polling_enabled').notNull().default(false),
  inboundMaxBytes: integer('inbound_max_bytes')
    .notNull()
    .default(25 * 1024 * 1024),
  imapUidValidity: bigint('imap_uid_validity', { mode: 'number' }),
  imapLastUid: bigint('imap_last_uid', { mode: 'number' }).notNull().default(0),
  lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
  lastPollError: text('last_poll_error'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const EMAIL_DIRECTIONS = ['in', 'out'] as const;

/**
 * What became of an inbound mail: `created` a ticket, `threaded` onto one, `ignored` (auto-reply,
 * bounce, loop), `skipped` (too large, unreadable), `failed` (an error; tried again next poll);
 * outbound: `queued` (handed to the notification layer, whose delivery log says what became of it).
 */
export const EMAIL_OUTCOMES = ['created', 'threaded', 'ignored', 'skipped', 'failed', 'queued'] as const;

/**
 * Every mail Kefu read or sent, by its Message-ID (unique: a mail is turned into a ticket or a
 * message exactly once, the row being written in the same transaction). Replies are threaded by
 * looking their In-Reply-To / References up here. `reason` says why a mail was ignored or skipped.
 */
export const emailMessages = pgTable(
  'email_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: text('message_id').notNull(),
    direction: text('direction', { enum: EMAIL_DIRECTIONS }).notNull(),
    outcome: text('outcome', { enum: EMAIL_OUTCOMES }).notNull(),
    reason: text('reason'),
    ticketId: uuid('ticket_id'),
    ticketMessageId: uuid('ticket_message_id'),
    notificationId: uuid('notification_id'),
    fromAddress: text('from_address'),
    fromName: text('from_name'),
    toAddress: text('to_address'),
    subject: text('subject'),
    inReplyTo: text('in_reply_to'),
    references: jsonb('references').$type<string[]>().notNull().default([]),
    /** The IMAP UID it was read under (inbound). */
    imapUid: bigint('imap_uid', { mode: 'number' }),
    size: integer('size'),
    /** Attachments stored, and those refused with why. */
    attachments: jsonb('attachments')
      .$type<{ fileName: string; size?: number; refused?: string }[]>()
      .notNull()
      .default([]),
    attempts: integer('attempts').notNull().default(1),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('email_messages_message_id_idx').on(t.messageId),
    index('email_messages_ticket_idx').on(t.ticketId, t.at),
    index('email_messages_at_idx').on(t.direction, t.at.desc()),
  ],
);
