/** Types of the phrases module, derived from the API (never typed twice). */
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types';

export type ServicePhrase = ResponseOf<'/api/v1/phrases', 'get'>['items'][number];
export type ServicePhraseBody = BodyOf<'/api/v1/phrases', 'post'>;
export type ServicePhraseQuery = QueryOf<'/api/v1/phrases', 'get'>;
export type CannedReply = ResponseOf<'/api/v1/canned-replies', 'get'>['items'][number];
export type CannedReplyBody = BodyOf<'/api/v1/canned-replies', 'post'>;
export type CannedReplyQuery = QueryOf<'/api/v1/canned-replies', 'get'>;
export type ForbiddenPhrase = ResponseOf<'/api/v1/forbidden-phrases', 'get'>['items'][number];
export type ForbiddenPhraseBody = BodyOf<'/api/v1/forbidden-phrases', 'post'>;
export type ForbiddenSeverity = NonNullable<ForbiddenPhrase['severity']>;
export type ForbiddenOverride = ResponseOf<'/api/v1/forbidden-phrases/overrides', 'get'>['items'][number];
export type OverrideQuery = QueryOf<'/api/v1/forbidden-phrases/overrides', 'get'>;
export type OverrideStatus = NonNullable<OverrideQuery['status']>;
