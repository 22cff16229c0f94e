import { i18n } from '../i18n';
import { ApiError } from './ApiError';

/** `attachment; filename*=UTF-8''%E5%AE%A1%E8%AE%A1.csv` or `filename="audit.csv"` → the name. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads a file with the session cookie. Done through fetch (not a bare link) so a 401/403/500
 * goes through the error policy instead of leaving the user on a JSON page.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include', headers: { 'Accept-Language': i18n.language } });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', message: i18n.t('common:errors.network') });
  }
  if (!response.ok) {
    throw await ApiError.fromResponse(response, i18n.t('common:errors.http', { status: response.status }));
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filenameFromDisposition(response.headers.get('Content-Disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
