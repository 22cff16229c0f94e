export { keepRawJsonBody } from './inbound/raw-body.js';
export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhooks.events.js';
export { signedHeaders, verifySignature } from './webhooks.signature.js';
