import type { DbOrTx } from '../../../db/client.js';
import { CHANNELS, type DeliveryChannel } from '../../../lib/channel-adapter.js';
import type { QuietPeriod } from '../notifications.tables.js';
import { channelSettingsRow, channelSettingsRows } from './preferences.repository.js';

export type ChannelSettings = {
  channel: DeliveryChannel;
  enabled: boolean;
  ratePerMinute: number;
  quietHours: QuietPeriod[];
  maxAttempts: number;
  updatedAt: Date | null;
  updatedBy: string | null;
};

export const DELIVERY_CHANNELS = CHANNELS.filter((c): c is DeliveryChannel => c !== 'in_app');

/**
 * A channel's settings before an administrator changed them. SMS keeps customers' rest hours
 * (21:00–08:30, in the configured time zone); work-chat robots allow 20 messages a minute (the
 * vendors' limit per robot).
 */
export const DEFAULT_CHANNEL_SETTINGS: Record<
  DeliveryChannel,
  Omit<ChannelSettings, 'channel' | 'updatedAt' | 'updatedBy'>
> = {
  email: { enabled: true, ratePerMinute: 60, quietHours: [], maxAttempts: 8 },
  sms: { enabled: true, ratePerMinute: 60, quietHours: [{ from: '21:00', to: '08:30' }], maxAttempts: 8 },
  robot: { enabled: true, ratePerMinute: 20, quietHours: [], maxAttempts: 8 },
};

function withDefaults(channel: DeliveryChannel, row: Partial<ChannelSettings> | undefined): ChannelSettings {
  return {
    channel,
    ...DEFAULT_CHANNEL_SETTINGS[channel],
    updatedAt: null,
    updatedBy: null,
    ...(row ?? {}),
  } as ChannelSettings;
}

export async function channelSettings(db: DbOrTx, channel: DeliveryChannel): Promise<ChannelSettings> {
  const row = await channelSettingsRow(db, channel);
  return withDefaults(channel, row as Partial<ChannelSettings> | undefined);
}

export async function allChannelSettings(db: DbOrTx): Promise<ChannelSettings[]> {
  const rows = new Map((await channelSettingsRows(db)).map((r) => [r.channel, r]));
  return DELIVERY_CHANNELS.map((c) => withDefaults(c, rows.get(c) as Partial<ChannelSettings> | undefined));
}
