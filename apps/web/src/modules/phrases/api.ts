import { api, unwrap } from '../../api/client';
import type {
  CannedReplyBody,
  CannedReplyQuery,
  ForbiddenPhraseBody,
  OverrideQuery,
  ServicePhraseBody,
  ServicePhraseQuery,
} from './types';

export const phrasesQueryKey = ['phrases'] as const;
export const servicePhrasesKey = [...phrasesQueryKey, 'service'] as const;
export const cannedRepliesKey = [...phrasesQueryKey, 'canned'] as const;
export const forbiddenPhrasesKey = [...phrasesQueryKey, 'forbidden'] as const;
export const overridesKey = [...phrasesQueryKey, 'overrides'] as const;

export const listServicePhrases = (query: ServicePhraseQuery = {}) =>
  unwrap(api.GET('/api/v1/phrases', { params: { query } }));
export const createServicePhrase = (body: ServicePhraseBody) => unwrap(api.POST('/api/v1/phrases', { body }));
export const updateServicePhrase = (id: string, body: Partial<ServicePhraseBody>) =>
  unwrap(api.PATCH('/api/v1/phrases/{id}', { params: { path: { id } }, body }));
export const deleteServicePhrase = (id: string) =>
  unwrap(api.DELETE('/api/v1/phrases/{id}', { params: { path: { id } } }));

export const listCannedReplies = (query: CannedReplyQuery = {}) =>
  unwrap(api.GET('/api/v1/canned-replies', { params: { query } }));
export const createCannedReply = (body: CannedReplyBody) => unwrap(api.POST('/api/v1/canned-replies', { body }));
export const updateCannedReply = (id: string, body: Omit<Partial<CannedReplyBody>, 'isShared'>) =>
  unwrap(api.PATCH('/api/v1/canned-replies/{id}', { params: { path: { id } }, body }));
export const deleteCannedReply = (id: string) =>
  unwrap(api.DELETE('/api/v1/canned-replies/{id}', { params: { path: { id } } }));

export const listForbiddenPhrases = (includeInactive = false) =>
  unwrap(
    api.GET('/api/v1/forbidden-phrases', { params: { query: includeInactive ? { includeInactive: 'true' } : {} } }),
  );
export const createForbiddenPhrase = (body: ForbiddenPhraseBody) =>
  unwrap(api.POST('/api/v1/forbidden-phrases', { body }));
export const updateForbiddenPhrase = (id: string, body: Partial<ForbiddenPhraseBody>) =>
  unwrap(api.PATCH('/api/v1/forbidden-phrases/{id}', { params: { path: { id } }, body }));
export const deleteForbiddenPhrase = (id: string) =>
  unwrap(api.DELETE('/api/v1/forbidden-phrases/{id}', { params: { path: { id } } }));
export const checkText = (text: string) => unwrap(api.POST('/api/v1/forbidden-phrases/check', { body: { text } }));

export const listOverrides = (query: OverrideQuery) =>
  unwrap(api.GET('/api/v1/forbidden-phrases/overrides', { params: { query } }));
export const reviewOverride = (id: string, note?: string) =>
  unwrap(api.POST('/api/v1/forbidden-phrases/overrides/{id}/review', { params: { path: { id } }, body: { note } }));
