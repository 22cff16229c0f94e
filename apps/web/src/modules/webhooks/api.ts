import { api, unwrap } from '../../api/client';
import type { InboundSourceBody, InboundSourcePatch, WebhookBody, WebhookDeliveryQuery, WebhookPatch } from './types';

export const webhooksKey = ['webhooks'] as const;
export const webhookDeliveriesKey = (id: string) => [...webhooksKey, id, 'deliveries'] as const;
export const inboundSourcesKey = ['inbound-sources'] as const;

const path = (id: string) => ({ params: { path: { id } } });

export const listWebhooks = () => unwrap(api.GET('/api/v1/webhooks'));
export const listEventTypes = () => unwrap(api.GET('/api/v1/webhooks/event-types'));
export const createWebhook = (body: WebhookBody) => unwrap(api.POST('/api/v1/webhooks', { body }));
export const updateWebhook = (id: string, body: WebhookPatch) =>
  unwrap(api.PATCH('/api/v1/webhooks/{id}', { ...path(id), body }));
export const deleteWebhook = (id: string) => unwrap(api.DELETE('/api/v1/webhooks/{id}', path(id)));
export const testWebhook = (id: string) => unwrap(api.POST('/api/v1/webhooks/{id}/test', path(id)));
export const rotateWebhookSecret = (id: string) => unwrap(api.POST('/api/v1/webhooks/{id}/rotate-secret', path(id)));
export const listWebhookDeliveries = (id: string, query: WebhookDeliveryQuery = {}) =>
  unwrap(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id }, query } }));
export const redeliver = (id: string, deliveryId: string) =>
  unwrap(api.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id, deliveryId } } }));

export const listInboundSources = () => unwrap(api.GET('/api/v1/inbound-sources'));
export const createInboundSource = (body: InboundSourceBody) => unwrap(api.POST('/api/v1/inbound-sources', { body }));
export const updateInboundSource = (id: string, body: InboundSourcePatch) =>
  unwrap(api.PATCH('/api/v1/inbound-sources/{id}', { ...path(id), body }));
export const deleteInboundSource = (id: string) => unwrap(api.DELETE('/api/v1/inbound-sources/{id}', path(id)));

/** Where another system posts its signed events (POST /api/v1/inbound/{sourceId}). */
export const inboundEndpoint = (sourceId: string, origin = globalThis.location?.origin ?? '') =>
  `${origin}/api/v1/inbound/${encodeURIComponent(sourceId)}`;
