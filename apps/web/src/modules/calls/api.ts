import { ApiError } from '../../api/ApiError';
import { api, CSRF_COOKIE, CSRF_HEADER, readCookie, unwrap } from '../../api/client';
import { i18n } from '../../i18n';
import type {
  CallImport,
  CallImportFormat,
  CallListQuery,
  CallStatsQuery,
  CallTrendQuery,
  CsvMapping,
  ErlangCQuery,
  IntradayQuery,
} from './types';

export const callsKey = ['calls'] as const;
export const callImportKey = (id: string) => [...callsKey, 'imports', id] as const;
export const callStatsKey = (query: CallStatsQuery) => [...callsKey, 'stats', query] as const;
export const callTrendKey = (query: CallTrendQuery) => [...callsKey, 'trend', query] as const;
export const callSettingsKey = [...callsKey, 'settings'] as const;
export const callListKey = (query: CallListQuery) => [...callsKey, 'list', query] as const;
export const erlangCKey = (query: ErlangCQuery) => [...callsKey, 'erlang-c', query] as const;
export const intradayKey = (query: IntradayQuery) => [...callsKey, 'intraday', query] as const;
/** The wall board's queries, all under one key: a live call event refreshes them together. */
export const wallboardKey = [...callsKey, 'wallboard'] as const;

export const getCallImport = (id: string) =>
  unwrap(api.GET('/api/v1/calls/imports/{id}', { params: { path: { id } } }));
export const getCallStats = (query: CallStatsQuery) => unwrap(api.GET('/api/v1/call-stats', { params: { query } }));
export const getCallTrend = (query: CallTrendQuery) =>
  unwrap(api.GET('/api/v1/call-stats/trend', { params: { query } }));
export const getCallSettings = () => unwrap(api.GET('/api/v1/call-settings'));
export const listCalls = (query: CallListQuery) => unwrap(api.GET('/api/v1/calls', { params: { query } }));
export const getErlangC = (query: ErlangCQuery) => unwrap(api.GET('/api/v1/staffing/erlang-c', { params: { query } }));
export const getIntraday = (query: IntradayQuery) =>
  unwrap(api.GET('/api/v1/staffing/intraday', { params: { query } }));

/** The answer of an upload: 200 (imported in the request) or 202 (a job: poll the import). */
export type UploadAnswer = { status: number; record: CallImport };

/** The multipart body of `POST /api/v1/calls/imports`, in the server's order: format, mapping, file. */
export function importForm(format: CallImportFormat, file: File, mapping?: CsvMapping): FormData {
  const body = new FormData();
  body.append('format', format);
  if (format === 'csv') body.append('mapping', JSON.stringify(mapping ?? {}));
  body.append('file', file, file.name);
  return body;
}

/**
 * Uploads a call file with XMLHttpRequest (fetch reports no upload progress): `onProgress` gets the
 * share sent, 0–1. The same headers (language, CSRF) and the same error type as every other call.
 */
export function uploadCallFile(
  format: CallImportFormat,
  file: File,
  mapping: CsvMapping | undefined,
  onProgress: (sent: number) => void,
): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/calls/imports');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept-Language', i18n.language || 'zh-CN');
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) xhr.setRequestHeader(CSRF_HEADER, csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: 'network_error', message: i18n.t('common:errors.network') }));
    xhr.onload = () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        response.json().then((record: CallImport) => resolve({ status: xhr.status, record }), reject);
      } else {
        ApiError.fromResponse(response, i18n.t('common:errors.http', { status: xhr.status })).then(reject, reject);
      }
    };
    xhr.send(importForm(format, file, mapping));
  });
}
