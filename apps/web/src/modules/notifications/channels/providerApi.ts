/**
 * E-mail (server module `email`) and SMS (`sms`) settings, shown as tabs of the channels page.
 * Secrets are write-only: the API answers `has…`; a secret left out on save keeps the stored one.
 * Both PUT bodies are strict: only the fields below are sent (`pick`).
 */
import { api, unwrap } from '../../../api/client';
import type { BodyOf, ResponseOf } from '../../../api/types';

export const emailKey = ['email'] as const;
export const emailSettingsKey = [...emailKey, 'settings'] as const;
export const inboundKey = (query: { page: number; pageSize: number }) => [...emailKey, 'inbound', query] as const;
export const smsSettingsKey = ['sms', 'settings'] as const;

export type SmsSettings = ResponseOf<'/api/v1/sms/settings', 'get'>;
export type SmsSettingsBody = BodyOf<'/api/v1/sms/settings', 'put'>;
export type TestResult = { ok: boolean; status: number | null; response: string | null; error: string | null };

export const SMS_FIELDS = [
  'provider',
  'endpoint',
  'regionId',
  'accessKeyId',
  'accessKeySecret',
  'signName',
  'defaultTemplateCode',
] as const satisfies readonly (keyof SmsSettingsBody)[];

export const getSmsSettings = () => unwrap(api.GET('/api/v1/sms/settings'));
export const putSmsSettings = (body: SmsSettingsBody) => unwrap(api.PUT('/api/v1/sms/settings', { body }));
export const testSms = (phone: string) => unwrap(api.POST('/api/v1/sms/settings/test', { body: { phone } }));

export type EmailSettings = ResponseOf<'/api/v1/email/settings', 'get'>;
export type EmailSettingsBody = BodyOf<'/api/v1/email/settings', 'put'>;
export type InboundMail = ResponseOf<'/api/v1/email/inbound', 'get'>['items'][number];
export type PollResult = ResponseOf<'/api/v1/email/poll', 'post'>;
export const EMAIL_FIELDS = [
  'smtpHost',
  'smtpPort',
  'smtpSecure',
  'smtpUser',
  'smtpPassword',
  'fromAddress',
  'fromName',
  'dkimDomain',
  'dkimSelector',
  'dkimPrivateKey',
  'imapHost',
  'imapPort',
  'imapSecure',
  'imapUser',
  'imapPassword',
  'imapMailbox',
  'pollingEnabled',
  'inboundMaxBytes',
] as const satisfies readonly (keyof EmailSettingsBody)[];

export const getEmailSettings = () => unwrap(api.GET('/api/v1/email/settings'));
export const putEmailSettings = (body: EmailSettingsBody) => unwrap(api.PUT('/api/v1/email/settings', { body }));
export const testEmail = (to: string) => unwrap(api.POST('/api/v1/email/settings/test', { body: { to } }));
export const pollEmail = () => unwrap(api.POST('/api/v1/email/poll'));
export const listInbound = (query: { page: number; pageSize: number }) =>
  unwrap(api.GET('/api/v1/email/inbound', { params: { query: { ...query, direction: 'in' } } }));

/**
 * The body of a strict PUT: only `fields`, and a secret typed empty left out (the stored one is
 * kept; the API removes a secret only when sent as "").
 */
export function pick<T extends object>(
  values: Record<string, unknown>,
  fields: readonly string[],
  secrets: readonly string[],
): T {
  const body: Record<string, unknown> = {};
  for (const key of fields) {
    const value = values[key];
    if (value === undefined) continue;
    if (secrets.includes(key) && (value === '' || value === null)) continue;
    body[key] = value;
  }
  return body as T;
}
