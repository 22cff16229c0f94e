import { t } from '@kefu/shared';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { assertPublicUrl } from '../../lib/outbound-http.js';
import { recordAudit } from '../audit/index.js';
import { normalizePhone } from './aliyun.client.js';
import { sendSms } from './sms.adapter.js';
import { isValidEndpoint, missingSettings } from './sms.config.js';
import * as repo from './sms.repository.js';
import type { SmsSettingsDto, SmsTestResultDto, UpdateSmsSettingsInput } from './sms.schemas.js';

type ActorCtx = RequestContext & { actor: Actor };

function toDto(row: repo.SmsSettingsRow): SmsSettingsDto {
  return {
    provider: row.provider,
    endpoint: row.endpoint,
    regionId: row.regionId,
    accessKeyId: row.accessKeyId,
    hasSecret: Boolean(row.accessKeySecret),
    signName: row.signName,
    defaultTemplateCode: row.defaultTemplateCode,
    configured: missingSettings(row, { needsDefaultTemplate: true }).length === 0,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** What the audit trail keeps of the settings: everything but the secret, and whether it changed. */
const audited = (row: repo.SmsSettingsRow) => {
  const { accessKeySecret: _secret, ...rest } = row;
  return { ...rest, hasSecret: Boolean(row.accessKeySecret) };
};

async function readSettings(deps: Deps): Promise<repo.SmsSettingsRow> {
  let row = await repo.findSettings(deps.database.db);
  if (!row) {
    await repo.ensureSettings(deps.database.db);
    row = await repo.findSettings(deps.database.db);
  }
  if (!row) throw new Error('sms_settings row missing after creating it');
  return row;
}

export async function getSmsSettings(deps: Deps): Promise<SmsSettingsDto> {
  return toDto(await readSettings(deps));
}

/**
 * Saves the provider account, signature and default template. The AccessKey secret is kept when
 * the body leaves it out, replaced when given, removed with `""`; the audit entry says whether it
 * changed, never what it is.
 */
export async function updateSmsSettings(deps: Deps, ctx: ActorCtx, input: UpdateSmsSettingsInput) {
  const endpoint = input.endpoint.replace(/\/+$/, '') || input.endpoint;
  if (!isValidEndpoint(endpoint)) {
    throw badRequest('sms.invalid_endpoint', { endpoint }, [{ path: 'endpoint', message: 'invalid' }]);
  }
  // SSRF: an endpoint on a private address is refused unless KEFU_WEBHOOK_ALLOW_PRIVATE (checked again at every send).
  await assertPublicUrl(endpoint, deps.config.outbound.allowPrivate);
  await readSettings(deps);
  const row = await deps.database.db.transaction(async (tx) => {
    const before = await repo.findSettings(tx, { forUpdate: true });
    if (!before || before.version !== input.version) throw new AppError('conflict', 409);
    const secret =
      input.accessKeySecret === undefined || input.accessKeySecret === null
        ? before.accessKeySecret
        : input.accessKeySecret.trim() || null;
    const after = await repo.updateSettings(tx, input.version, {
      provider: input.provider,
      endpoint: new URL(endpoint).origin,
      regionId: input.regionId,
      accessKeyId: input.accessKeyId,
      accessKeySecret: secret,
      signName: input.signName,
      defaultTemplateCode: input.defaultTemplateCode,
      updatedBy: ctx.actor.userId,
    });
    if (!after) throw new AppError('conflict', 409);
    await recordAudit(tx, ctx, {
      action: 'sms_settings.updated',
      entityType: 'sms_settings',
      entityId: '1',
      before: audited(before),
      after: { ...audited(after), secretChanged: secret !== before.accessKeySecret },
    });
    return after;
  });
  return toDto(row);
}

/**
 * Sends a test message now with the saved settings and the default template, and answers what the
 * provider said. Refused with 400 `sms.not_configured` while a setting it needs is empty. The
 * attempt is audited (it is a billable message to a number the administrator chose).
 */
export async function testSms(deps: Deps, ctx: ActorCtx, phone: string): Promise<SmsTestResultDto> {
  const settings = await readSettings(deps);
  const missing = missingSettings(settings, { needsDefaultTemplate: true });
  if (missing.length > 0) {
    throw badRequest(
      'sms.not_configured',
      { missing: missing.join(', ') },
      missing.map((path) => ({ path, message: 'required' })),
    );
  }
  const result = await sendSms(deps, { phone, content: t(ctx.locale, 'sms.test_message') });
  await recordAudit(deps.database.db, ctx, {
    action: 'sms_settings.tested',
    entityType: 'sms_settings',
    entityId: '1',
    after: { phone: normalizePhone(phone), ok: result.ok, status: result.status, error: result.error ?? null },
  });
  return {
    ok: result.ok,
    status: result.status,
    response: result.response ?? null,
    error: result.error ?? null,
    providerId: result.providerId ?? null,
  };
}
