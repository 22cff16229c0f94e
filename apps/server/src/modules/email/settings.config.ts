import { createPrivateKey } from 'node:crypto';
import type { EmailSettingsRow } from './settings.repository.js';

/** The settings fields (API names) sending needs that are still empty. */
export function missingSmtp(settings: EmailSettingsRow): string[] {
  const missing: string[] = [];
  if (!settings.smtpHost) missing.push('smtpHost');
  if (!settings.fromAddress) missing.push('fromAddress');
  return missing;
}

/** The settings fields (API names) reading the mailbox needs that are still empty. */
export function missingImap(settings: EmailSettingsRow): string[] {
  const missing: string[] = [];
  if (!settings.imapHost) missing.push('imapHost');
  if (!settings.imapUser) missing.push('imapUser');
  if (!settings.imapPassword) missing.push('imapPassword');
  return missing;
}

/** The domain Kefu's Message-IDs are made in: the sender's, else the DKIM domain, else `kefu.invalid`. */
export function messageIdDomain(settings: Pick<EmailSettingsRow, 'fromAddress' | 'dkimDomain'>): string {
  const fromDomain = settings.fromAddress.split('@')[1]?.trim().toLowerCase();
  return fromDomain || settings.dkimDomain.trim().toLowerCase() || 'kefu.invalid';
}

/** DKIM signs when a domain, a selector and a key are all set. */
export function dkimOf(settings: EmailSettingsRow) {
  if (!settings.dkimDomain || !settings.dkimSelector || !settings.dkimPrivateKey) return undefined;
  return { domainName: settings.dkimDomain, keySelector: settings.dkimSelector, privateKey: settings.dkimPrivateKey };
}

/** A PEM private key nodemailer can sign with (RSA or Ed25519). */
export function isDkimKey(pem: string): boolean {
  try {
    const key = createPrivateKey(pem);
    return key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}
