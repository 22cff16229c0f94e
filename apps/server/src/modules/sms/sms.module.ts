import type { ModuleManifest } from '../../lib/module.js';
import { smsAdapter } from './sms.adapter.js';
import { smsRoutes } from './sms.routes.js';

/**
 * SMS (短信): the `sms` delivery channel over Alibaba Cloud SMS (SendSms, signature V3) and its
 * settings. Which messages go by SMS, their templates, retries and quiet hours: notifications.
 */
export const smsModule: ModuleManifest = {
  name: 'sms',
  description: 'SMS delivery over Alibaba Cloud SMS (SendSms, signature V3) and its settings',
  routes: [{ plugin: smsRoutes, prefix: '/api/v1/sms' }],
  errors: ['sms.not_configured', 'sms.invalid_endpoint'],
  channels: [smsAdapter],
};
