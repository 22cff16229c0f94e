import type { Config, WebhookDeliveryConfig } from '../../config/config.js';

/**
 * The retry schedule after a failed attempt: 5 s, 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 6 h —
 * nine attempts over about 23.6 h (the Standard Webhooks / Svix shape), then the subscription is
 * disabled and its owner told.
 */
export const DEFAULT_RETRY_SCHEDULE_SECONDS = [5, 60, 300, 1800, 7200, 18000, 36000, 21600];

const DEFAULTS: WebhookDeliveryConfig = {
  enabled: true,
  retryScheduleSeconds: DEFAULT_RETRY_SCHEDULE_SECONDS,
  pollingIntervalMs: 1000,
  concurrency: 8,
  timeoutMs: 15_000,
  leaseMs: 60_000,
};

export function webhookSettings(config: Config): WebhookDeliveryConfig {
  return { ...DEFAULTS, ...config.webhooks };
}

/** The wait before the next attempt after `attempts` failed ones, or null when none is left. */
export function retryDelaySeconds(settings: WebhookDeliveryConfig, attempts: number): number | null {
  return settings.retryScheduleSeconds[attempts - 1] ?? null;
}
