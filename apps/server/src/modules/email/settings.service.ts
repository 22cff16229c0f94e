import { randomUUID } from 'node:crypto';
import { t } from '@kefu/shared';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/index.js';
import { deliverMail } from './outbound/email.adapter.js';
import { isDkimKey, missingImap, missingSmtp } from './settings.config.js';
import * as repo from './settings.repository.js';
import type { EmailSettingsDto, EmailTestResultDto, UpdateEmailSettingsInput } from './settings.schemas.js';

type ActorCtx = RequestContext & { actor: Actor };

export function toDto(row: repo.EmailSettingsRow): EmailSettingsDto {
  return {
    smtpHost: row.smtpHost,
    smtpPort: row.smtpPort,
    smtpSecure: row.smtpSecure,
    smtpUser: row.smtpUser,
    hasSmtpPassword: Boolean(row.smtpPassword),
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    dkimDomain: row.dkimDomain,
    dkimSelector: row.dkimSelector,
    hasDkimKey: Boolean(row.dkimPrivateKey),
    imapHost: row.imapHost,
    imapPort: row.imapPort,
    imapSecure: row.imapSecure,
    imapUser: row.imapUser,
    hasImapPassword: Boolean(row.imapPassword),
    imapMailbox: row.imapMailbox,
    pollingEnabled: row.pollingEnabled,
    inboundMaxBytes: row.inboundMaxBytes,
    smtpConfigured: missingSmtp(row).length === 0,
    imapConfigured: missingImap(row).length === 0,
    lastPolledAt: row.lastPolledAt,
    lastPollError: row.lastPollError,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** What the audit trail keeps: everything but the secrets and the poll bookkeeping, and whether a secret changed. */
function audited(row: repo.EmailSettingsRow) {
  const {
    smtpPassword,
    imapPassword,
    dkimPrivateKey,
    imapUidValidity: _v,
    imapLastUid: _u,
    lastPolledAt: _p,
    lastPollError: _e,
    ...rest
  } = row;
  return {
    ...rest,
    hasSmtpPassword: Boolean(smtpPassword),
    hasImapPassword: Boolean(imapPassword),
    hasDkimKey: Boolean(dkimPrivateKey),
  };
}

/** A write-only secret: left out or null keeps the stored one, `""` removes it, anything else replaces it. */
const secretOf = (given: string | null | undefined, stored: string | null) =>
  given === undefined || given === null ? stored : given.trim() ? given : null;

export async function getEmailSettings(deps: Deps): Promise<EmailSettingsDto> {
  return toDto(await repo.readSettings(deps.database.db));
}

/**
 * Saves the SMTP account, sender, DKIM and IMAP mailbox. Secrets (passwords, DKIM key) are kept
 * when left out, replaced when given, removed with `""`; the audit entry says which changed, never
 * what they are. A different IMAP account or mailbox starts reading it afresh.
 */
export async function updateEmailSettings(deps: Deps, ctx: ActorCtx, input: UpdateEmailSettingsInput) {
  if (input.dkimPrivateKey?.trim() && !isDkimKey(input.dkimPrivateKey)) {
    throw badRequest('email.dkim_key_invalid', {}, [{ path: 'dkimPrivateKey', message: 'invalid' }]);
  }
  await repo.readSettings(deps.database.db);
  const row = await deps.database.db.transaction(async (tx) => {
    const before = await repo.findSettings(tx, { forUpdate: true });
    if (!before || before.version !== input.version) throw new AppError('conflict', 409);
    const { version, smtpPassword, imapPassword, dkimPrivateKey, ...fields } = input;
    const mailboxChanged =
      fields.imapHost !== before.imapHost ||
      fields.imapUser !== before.imapUser ||
      fields.imapMailbox !== before.imapMailbox;
    const secrets = {
      smtpPassword: secretOf(smtpPassword, before.smtpPassword),
      imapPassword: secretOf(imapPassword, before.imapPassword),
      dkimPrivateKey: secretOf(dkimPrivateKey, before.dkimPrivateKey),
    };
    const after = await repo.updateSettings(tx, version, {
      ...fields,
      ...secrets,
      ...(mailboxChanged ? { imapUidValidity: null, imapLastUid: 0 } : {}),
      updatedBy: ctx.actor.userId,
    });
    if (!after) throw new AppError('conflict', 409);
    await recordAudit(tx, ctx, {
      action: 'email_settings.updated',
      entityType: 'email_settings',
      entityId: '1',
      before: audited(before),
      after: {
        ...audited(after),
        smtpPasswordChanged: secrets.smtpPassword !== before.smtpPassword,
        imapPasswordChanged: secrets.imapPassword !== before.imapPassword,
        dkimKeyChanged: secrets.dkimPrivateKey !== before.dkimPrivateKey,
      },
    });
    return after;
  });
  return toDto(row);
}

/**
 * Sends a test mail now with the saved settings and answers what the SMTP server said. Refused
 * with 400 `email.not_configured` while the host or sender is empty. The attempt is audited.
 */
export async function testEmail(deps: Deps, ctx: ActorCtx, to: string): Promise<EmailTestResultDto> {
  const settings = await repo.readSettings(deps.database.db);
  const missing = missingSmtp(settings);
  if (missing.length > 0) {
    throw badRequest(
      'email.not_configured',
      { missing: missing.join(', ') },
      missing.map((path) => ({ path, message: 'required' })),
    );
  }
  const result = await deliverMail(deps, (domain) => ({
    to,
    subject: t(ctx.locale, 'email.test_subject'),
    text: t(ctx.locale, 'email.test_body'),
    messageId: `<kefu.test.${randomUUID()}@${domain}>`,
    headers: { 'Auto-Submitted': 'auto-generated' },
  }));
  await recordAudit(deps.database.db, ctx, {
    action: 'email_settings.tested',
    entityType: 'email_settings',
    entityId: '1',
    after: { to, ok: result.ok, status: result.status, error: result.error ?? null },
  });
  return {
    ok: result.ok,
    status: result.status,
    response: result.response ?? null,
    error: result.error ?? null,
    providerId: result.providerId ?? null,
  };
}
