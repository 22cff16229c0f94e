/** Notification types, derived from the generated API `paths` (never typed twice). */
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types';

export type MyNotificationsPage = ResponseOf<'/api/v1/notifications/mine', 'get'>;
export type MyNotification = MyNotificationsPage['items'][number];
export type MyNotificationsQuery = { page: number; pageSize: number; unread?: 'true' | 'false' };

export type Preferences = ResponseOf<'/api/v1/notification-preferences', 'get'>;
export type TopicPreference = Preferences['topics'][number];
export type PreferencesBody = BodyOf<'/api/v1/notification-preferences', 'put'>;
/** Any channel (in-app included). */
export type Channel = TopicPreference['channels'][number];

export type ChannelSettings = ResponseOf<'/api/v1/notification-channels/{channel}', 'put'>;
/** The channels that are delivered by an adapter (not in-app). */
export type DeliveryChannel = ChannelSettings['channel'];
export type ChannelSettingsBody = BodyOf<'/api/v1/notification-channels/{channel}', 'put'>;
export type QuietPeriod = ChannelSettings['quietHours'][number];

export type Template = ResponseOf<'/api/v1/notification-templates', 'get'>['items'][number];
export type TemplateKey = Pick<Template, 'topic' | 'channel' | 'locale'>;
export type TemplateBody = BodyOf<'/api/v1/notification-templates/{topic}/{channel}/{locale}', 'put'>;
export type PreviewBody = BodyOf<'/api/v1/notification-templates/preview', 'post'>;
export type Preview = ResponseOf<'/api/v1/notification-templates/preview', 'post'>;

export type DeliveriesPage = ResponseOf<'/api/v1/notification-deliveries', 'get'>;
export type Delivery = DeliveriesPage['items'][number];
export type DeliveryDetail = ResponseOf<'/api/v1/notification-deliveries/{id}', 'get'>;
export type DeliveryAttempt = DeliveryDetail['log'][number];
export type DeliveriesQuery = QueryOf<'/api/v1/notification-deliveries', 'get'>;
export type DeliveryStatus = Delivery['status'];

/** Delivered channels in the order the filters list them. */
export const DELIVERY_CHANNELS = ['email', 'sms', 'robot'] as const satisfies readonly DeliveryChannel[];
export const DELIVERY_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'dead',
  'suppressed',
] as const satisfies readonly DeliveryStatus[];
