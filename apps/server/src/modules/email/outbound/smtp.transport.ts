import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { dkimOf } from '../settings.config.js';
import type { EmailSettingsRow } from '../settings.repository.js';

/** How long one SMTP conversation may take in its parts (the delivery job allows 20 s for a send). */
const CONNECT_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 15_000;

export type Mail = {
  to: string;
  subject: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  /** Extra headers (e.g. `Auto-Submitted` on notifications no person wrote). */
  headers?: Record<string, string>;
};

export type SmtpOutcome =
  | { ok: true; status: number | null; response: string; messageId: string }
  | { ok: false; status: number | null; response: string | null; error: string; retryable: boolean };

/** A nodemailer transport for the saved settings: TLS or STARTTLS, login when a user is set, DKIM when configured. */
export function smtpTransport(settings: EmailSettingsRow) {
  const options: SMTPTransport.Options = {
    host: settings.smtpHost,
    port: settings.smtpPort,
    secure: settings.smtpSecure,
    auth: settings.smtpUser ? { user: settings.smtpUser, pass: settings.smtpPassword ?? '' } : undefined,
    dkim: dkimOf(settings),
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  return nodemailer.createTransport(options);
}

const replyCode = (response: string | undefined) => {
  const code = Number.parseInt(response ?? '', 10);
  return Number.isFinite(code) ? code : null;
};

/**
 * Sends one mail and reports what the server said; never throws for a refusal or a network error.
 * A 5xx reply is permanent (retryable: false); a 4xx reply, a timeout or a lost connection is not.
 */
export async function sendMail(settings: EmailSettingsRow, mail: Mail): Promise<SmtpOutcome> {
  const transport = smtpTransport(settings);
  try {
    const info = await transport.sendMail({
      from: { name: settings.fromName, address: settings.fromAddress },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      headers: mail.headers,
    });
    return { ok: true, status: replyCode(info.response), response: info.response, messageId: info.messageId };
  } catch (error) {
    const e = error as Error & { responseCode?: number; response?: string; code?: string };
    const status = e.responseCode ?? null;
    const permanent = (status !== null && status >= 500) || e.code === 'EAUTH' || e.code === 'EENVELOPE';
    return {
      ok: false,
      status,
      response: e.response ?? null,
      error: [e.code, e.message].filter(Boolean).join(': ').slice(0, 2000),
      retryable: !permanent,
    };
  } finally {
    transport.close();
  }
}
