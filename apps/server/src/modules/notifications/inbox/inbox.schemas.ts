import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../../lib/pagination.js';

export const NotificationSchema = z
  .object({
    id: z.uuid(),
    subject: z.string(),
    body: z.string(),
    ref: z.string().nullable(),
    createdAt: z.date(),
    readAt: z.date().nullable(),
  })
  .meta({ id: 'Notification' });

export const ListMyNotificationsQuerySchema = PageQuerySchema.omit({ sort: true }).extend({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const MyNotificationsPageSchema = pageOf(NotificationSchema).extend({
  /** Unread in-app notifications of the caller, whatever the filter. */
  unread: z.number().int(),
});

export const NotificationIdParamsSchema = z.object({ id: z.uuid() });
