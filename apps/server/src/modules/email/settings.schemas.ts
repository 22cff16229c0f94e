import { z } from 'zod';

/** The e-mail settings as the API answers them: passwords and the DKIM key never, only whether one is set. */
export const EmailSettingsSchema = z
  .object({
    smtpHost: z.string(),
    smtpPort: z.number().int(),
    /** TLS from the first byte (usually port 465); false: plain, upgraded with STARTTLS when offered. */
    smtpSecure: z.boolean(),
    smtpUser: z.string(),
    hasSmtpPassword: z.boolean(),
    /** The sender address every mail goes out from (also the domain of Kefu's Message-IDs). */
    fromAddress: z.string(),
    fromName: z.string(),
    dkimDomain: z.string(),
    dkimSelector: z.string(),
    hasDkimKey: z.boolean(),
    imapHost: z.string(),
    imapPort: z.number().int(),
    imapSecure: z.boolean(),
    imapUser: z.string(),
    hasImapPassword: z.boolean(),
    imapMailbox: z.string(),
    /** Read the mailbox every minute. */
    pollingEnabled: z.boolean(),
    /** Mails larger than this are skipped without being downloaded. */
    inboundMaxBytes: z.number().int(),
    /** Sending is set up (SMTP host and sender). */
    smtpConfigured: z.boolean(),
    /** Reading is set up (IMAP host, user and password). */
    imapConfigured: z.boolean(),
    lastPolledAt: z.date().nullable(),
    /** Why the last poll failed; null when it worked. */
    lastPollError: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.date(),
  })
  .meta({ id: 'EmailSettings' });
export type EmailSettingsDto = z.infer<typeof EmailSettingsSchema>;

const text = (max: number) => z.string().trim().max(max);
const host = text(253).regex(/^[A-Za-z0-9.:[\]_-]*$/);
const port = z.number().int().min(1).max(65535);
/** A new secret; left out (or null) keeps the stored one, `""` removes it. */
const secret = (max: number) => z.string().max(max).nullish();

export const UpdateEmailSettingsBodySchema = z.strictObject({
  smtpHost: host,
  smtpPort: port,
  smtpSecure: z.boolean(),
  smtpUser: text(320),
  smtpPassword: secret(1000),
  fromAddress: z.union([z.literal(''), z.email().max(320)]),
  fromName: text(100).regex(/^[^\r\n]*$/),
  dkimDomain: text(253).regex(/^[A-Za-z0-9.-]*$/),
  dkimSelector: text(63).regex(/^[A-Za-z0-9._-]*$/),
  /** PEM (RSA or Ed25519). */
  dkimPrivateKey: secret(10_000),
  imapHost: host,
  imapPort: port,
  imapSecure: z.boolean(),
  imapUser: text(320),
  imapPassword: secret(1000),
  imapMailbox: text(200).min(1).default('INBOX'),
  pollingEnabled: z.boolean(),
  inboundMaxBytes: z
    .number()
    .int()
    .min(64 * 1024)
    .max(100 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  /** The version read; a stale one is refused with 409. */
  version: z.number().int().min(1),
});
export type UpdateEmailSettingsInput = z.infer<typeof UpdateEmailSettingsBodySchema>;

export const TestEmailBodySchema = z.strictObject({ to: z.email().max(320) });

export const TestEmailResultSchema = z
  .object({
    ok: z.boolean(),
    /** The SMTP server's reply code; null when it was never reached. */
    status: z.number().int().nullable(),
    /** The SMTP server's last reply, or the network error. */
    response: z.string().nullable(),
    error: z.string().nullable(),
    /** The Message-ID the test mail was sent with. */
    providerId: z.string().nullable(),
  })
  .meta({ id: 'EmailTestResult' });
export type EmailTestResultDto = z.infer<typeof TestEmailResultSchema>;
