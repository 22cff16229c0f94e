import { z } from 'zod';
import { CHANNELS } from '../../../lib/channel-adapter.js';
import { isTimeOfDay } from '../delivery/quiet-hours.js';

const ChannelSchema = z.enum(CHANNELS);
const DeliveryChannelSchema = z.enum(['email', 'sms', 'robot']);

export const TopicPreferenceSchema = z
  .object({
    topic: z.string(),
    /** The channels the user gets it by (in-app always). */
    channels: z.array(ChannelSchema),
    /** The channels the user may choose for it. */
    available: z.array(ChannelSchema),
  })
  .meta({ id: 'NotificationTopicPreference' });

export const MyPreferencesSchema = z
  .object({ topics: z.array(TopicPreferenceSchema) })
  .meta({ id: 'NotificationPreferences' });

export const UpdateMyPreferencesSchema = z.object({
  topics: z
    .array(z.object({ topic: z.string().min(1).max(64), channels: z.array(ChannelSchema).max(CHANNELS.length) }))
    .max(100),
});

export const CustomerIdParamsSchema = z.object({ customerId: z.uuid() });

export const CustomerPreferenceSchema = z
  .object({
    customerId: z.uuid(),
    preferredChannel: z.enum(['sms', 'email']).nullable(),
    optedOut: z.boolean(),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'NotificationCustomerPreference' });

export const UpdateCustomerPreferenceSchema = z.object({
  preferredChannel: z.enum(['sms', 'email']).nullable(),
  optedOut: z.boolean(),
});

const TimeOfDay = z.string().refine(isTimeOfDay, { message: 'HH:MM' });

export const ChannelSettingsSchema = z
  .object({
    channel: DeliveryChannelSchema,
    enabled: z.boolean(),
    ratePerMinute: z.number().int(),
    quietHours: z.array(z.object({ from: z.string(), to: z.string() })),
    maxAttempts: z.number().int(),
    /** Whether a module speaks the channel (an adapter is installed). */
    available: z.boolean(),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'NotificationChannelSettings' });

export const ChannelParamsSchema = z.object({ channel: DeliveryChannelSchema });

export const UpdateChannelSettingsSchema = z.object({
  enabled: z.boolean(),
  ratePerMinute: z.number().int().min(1).max(10_000),
  quietHours: z.array(z.object({ from: TimeOfDay, to: TimeOfDay })).max(10),
  maxAttempts: z.number().int().min(1).max(20),
});
