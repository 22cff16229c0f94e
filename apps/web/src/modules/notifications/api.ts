import { api, unwrap } from '../../api/client';
import type {
  ChannelSettingsBody,
  DeliveriesQuery,
  DeliveryChannel,
  MyNotificationsQuery,
  PreferencesBody,
  PreviewBody,
  TemplateBody,
  TemplateKey,
} from './types';

export const notificationsKey = ['notifications'] as const;
export const myNotificationsKey = [...notificationsKey, 'mine'] as const;
export const myNotificationsPageKey = (query: MyNotificationsQuery) => [...myNotificationsKey, query] as const;
export const preferencesKey = [...notificationsKey, 'preferences'] as const;
export const channelsKey = [...notificationsKey, 'channels'] as const;
export const templatesKey = [...notificationsKey, 'templates'] as const;
export const deliveriesKey = [...notificationsKey, 'deliveries'] as const;
export const deliveriesPageKey = (query: DeliveriesQuery) => [...deliveriesKey, query] as const;
export const deliveryKey = (id: string) => [...deliveriesKey, 'one', id] as const;

export const listMyNotifications = (query: MyNotificationsQuery) =>
  unwrap(api.GET('/api/v1/notifications/mine', { params: { query } }));

export const markRead = (id: string) =>
  unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));

export const markAllRead = () => unwrap(api.POST('/api/v1/notifications/read-all'));

export const getPreferences = () => unwrap(api.GET('/api/v1/notification-preferences'));
export const putPreferences = (body: PreferencesBody) => unwrap(api.PUT('/api/v1/notification-preferences', { body }));

export const listChannels = () => unwrap(api.GET('/api/v1/notification-channels'));
export const putChannel = (channel: DeliveryChannel, body: ChannelSettingsBody) =>
  unwrap(api.PUT('/api/v1/notification-channels/{channel}', { params: { path: { channel } }, body }));

export const listTemplates = () => unwrap(api.GET('/api/v1/notification-templates'));
export const putTemplate = (key: TemplateKey, body: TemplateBody) =>
  unwrap(api.PUT('/api/v1/notification-templates/{topic}/{channel}/{locale}', { params: { path: key }, body }));
export const resetTemplate = (key: TemplateKey) =>
  unwrap(api.DELETE('/api/v1/notification-templates/{topic}/{channel}/{locale}', { params: { path: key } }));
export const previewTemplate = (body: PreviewBody) =>
  unwrap(api.POST('/api/v1/notification-templates/preview', { body }));

export const listDeliveries = (query: DeliveriesQuery) =>
  unwrap(api.GET('/api/v1/notification-deliveries', { params: { query: clean(query) } }));
export const getDelivery = (id: string) =>
  unwrap(api.GET('/api/v1/notification-deliveries/{id}', { params: { path: { id } } }));
export const resendDelivery = (id: string) =>
  unwrap(api.POST('/api/v1/notification-deliveries/{id}/resend', { params: { path: { id } } }));

/** Drops empty filters, so the query string holds only what the user chose. */
export function clean<T extends object>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;
}
