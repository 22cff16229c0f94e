import { ApiError } from '../../../api/ApiError';
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from '../../../api/client';
import { i18n } from '../../../i18n';

/**
 * Uploads one file as multipart (field `file`). Done with fetch because the typed client speaks
 * JSON; the same headers (language, CSRF) and the same error type as every other call.
 */
export async function uploadFile<T>(url: string, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { 'Accept-Language': i18n.language || 'zh-CN' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body, headers, credentials: 'include' });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', message: i18n.t('common:errors.network') });
  }
  if (!response.ok) {
    throw await ApiError.fromResponse(response, i18n.t('common:errors.http', { status: response.status }));
  }
  return (await response.json()) as T;
}
