/** Outbound webhook and inbound source types, from the generated client (api/types.ts). */

import type { BodyOf, QueryOf, ResponseOf } from '../../api/types';

export type Webhook = ResponseOf<'/api/v1/webhooks/{id}', 'get'>;
/** The answer to create: the secret, shown once. */
export type WebhookCreated = ResponseOf<'/api/v1/webhooks', 'post'>;
export type WebhookBody = BodyOf<'/api/v1/webhooks', 'post'>;
export type WebhookPatch = BodyOf<'/api/v1/webhooks/{id}', 'patch'>;
export type WebhookEventType = ResponseOf<'/api/v1/webhooks/event-types', 'get'>['items'][number];
export type WebhookTestResult = ResponseOf<'/api/v1/webhooks/{id}/test', 'post'>;
export type WebhookDeliveryPage = ResponseOf<'/api/v1/webhooks/{id}/deliveries', 'get'>;
export type WebhookDelivery = WebhookDeliveryPage['items'][number];
export type WebhookDeliveryQuery = QueryOf<'/api/v1/webhooks/{id}/deliveries', 'get'>;

export type InboundSource = ResponseOf<'/api/v1/inbound-sources/{id}', 'get'>;
export type InboundSourceCreated = ResponseOf<'/api/v1/inbound-sources', 'post'>;
export type InboundSourceBody = BodyOf<'/api/v1/inbound-sources', 'post'>;
export type InboundSourcePatch = BodyOf<'/api/v1/inbound-sources/{id}', 'patch'>;
