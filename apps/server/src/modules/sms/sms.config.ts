import type { SmsSettingsRow } from './sms.repository.js';

/** The settings fields (API names) a send needs that are still empty. */
export function missingSettings(
  settings: SmsSettingsRow | undefined,
  { needsDefaultTemplate }: { needsDefaultTemplate: boolean },
): string[] {
  const missing: string[] = [];
  if (!settings?.accessKeyId) missing.push('accessKeyId');
  if (!settings?.accessKeySecret) missing.push('accessKeySecret');
  if (!settings?.signName) missing.push('signName');
  if (needsDefaultTemplate && !settings?.defaultTemplateCode) missing.push('defaultTemplateCode');
  if (!settings?.endpoint || !isValidEndpoint(settings.endpoint)) missing.push('endpoint');
  return missing;
}

/**
 * An SMS endpoint: http(s) with a host, no credentials, query or fragment, and no path (SendSms is
 * an RPC-style API: its resource path is `/`).
 */
export function isValidEndpoint(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    Boolean(url.hostname) &&
    !url.username &&
    !url.password &&
    !url.search &&
    !url.hash &&
    url.pathname === '/'
  );
}
