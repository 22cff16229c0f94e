import { ApiError } from '../../../api/ApiError';
import { api, CSRF_COOKIE, CSRF_HEADER, readCookie, unwrap } from '../../../api/client';
import type { CustomerImport, RunImportBody } from '../../../api/types';
import { i18n } from '../../../i18n';

export const importsQueryKey = ['customer-imports'] as const;

/**
 * Uploads the file as multipart (field `file`). Done with fetch because the typed client speaks
 * JSON; the same headers (language, CSRF) and the same error type as every other call.
 */
export async function uploadImport(file: File): Promise<CustomerImport> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { 'Accept-Language': i18n.language || 'zh-CN' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await fetch('/api/v1/customer-imports', { method: 'POST', body, headers, credentials: 'include' });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', message: i18n.t('common:errors.network') });
  }
  if (!response.ok)
    throw await ApiError.fromResponse(response, i18n.t('common:errors.http', { status: response.status }));
  return (await response.json()) as CustomerImport;
}

export const getImport = (id: string) => unwrap(api.GET('/api/v1/customer-imports/{id}', { params: { path: { id } } }));

export const runImport = (id: string, body: RunImportBody) =>
  unwrap(api.POST('/api/v1/customer-imports/{id}/run', { params: { path: { id } }, body }));
