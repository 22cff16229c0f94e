import { useTranslation } from 'react-i18next';
import { topicKey } from './topics';

type Loose = (key: string, options?: { defaultValue?: string }) => string;

/**
 * Labels of server-side names (topics, channels, statuses): the known ones translated, an unknown
 * one (added on the server later) shown as it is rather than as a missing key.
 */
export function useLabels() {
  const { t } = useTranslation('notifications');
  const loose = t as unknown as Loose;
  return {
    topic: (topic: string) => loose(`topics.${topicKey(topic)}.label`, { defaultValue: topic }),
    topicHint: (topic: string) => loose(`topics.${topicKey(topic)}.hint`, { defaultValue: '' }),
    channel: (channel: string) => loose(`channel.${channel}`, { defaultValue: channel }),
    channelHint: (channel: string) => loose(`channelHint.${channel}`, { defaultValue: '' }),
    status: (status: string) => loose(`status.${status}`, { defaultValue: status }),
    statusHint: (status: string) => loose(`statusHint.${status}`, { defaultValue: '' }),
    locale: (locale: string) => loose(`locale.${locale}`, { defaultValue: locale }),
  };
}

/** Tag colours of delivery statuses. */
export const STATUS_COLOR: Record<string, string> = {
  queued: 'default',
  sending: 'processing',
  sent: 'success',
  failed: 'warning',
  dead: 'error',
  suppressed: 'default',
};
