import { describe, expect, it } from 'vitest';
import { EMAIL_FIELDS, pick, SMS_FIELDS } from './channels/providerApi';
import { overnight } from './channels/QuietHoursEditor';
import { withInApp } from './preferences/PreferencesPage';
import { variablesOf } from './templates/TemplateDrawer';
import { filterTemplates } from './templates/TemplatesPage';
import type { Template } from './types';

const template = (topic: string, channel: Template['channel'], locale: Template['locale']): Template => ({
  topic,
  channel,
  locale,
  subject: '',
  body: '{{body}}',
  providerTemplateId: null,
  custom: false,
  variables: {},
  updatedAt: null,
});

describe('notification settings helpers', () => {
  it('sends only the fields a strict settings body accepts, and keeps a secret left empty', () => {
    const form = {
      smtpHost: 'smtp.example.com',
      smtpPassword: '',
      imapPassword: 'new-secret',
      dkimPrivateKey: null,
      hasSmtpPassword: true,
      smtpConfigured: true,
    };
    expect(pick(form, EMAIL_FIELDS, ['smtpPassword', 'imapPassword', 'dkimPrivateKey'])).toEqual({
      smtpHost: 'smtp.example.com',
      imapPassword: 'new-secret',
    });
    expect(
      pick({ signName: '某某科技', accessKeySecret: '', hasSecret: true }, SMS_FIELDS, ['accessKeySecret']),
    ).toEqual({
      signName: '某某科技',
    });
  });

  it('keeps in-app first and always on in my preferences', () => {
    expect(withInApp({ channels: ['email'] })).toEqual(['in_app', 'email']);
    expect(withInApp({ channels: ['email', 'in_app'] })).toEqual(['in_app', 'email']);
  });

  it('knows a quiet period that runs over midnight', () => {
    expect(overnight({ from: '21:00', to: '08:30' })).toBe(true);
    expect(overnight({ from: '12:00', to: '13:30' })).toBe(false);
  });

  it('filters templates by topic, channel and language, in the known topic order', () => {
    const all = [
      template('sla.warned', 'sms', 'zh-CN'),
      template('sla.escalated', 'email', 'en'),
      template('sla.escalated', 'email', 'zh-CN'),
    ];
    expect(filterTemplates(all, {}).map((t) => `${t.topic}/${t.locale}`)).toEqual([
      'sla.warned/zh-CN',
      'sla.escalated/en',
      'sla.escalated/zh-CN',
    ]);
    expect(filterTemplates(all, { channel: 'email', locale: 'zh-CN' })).toHaveLength(1);
  });

  it("offers the topic's variables once, subject and body included", () => {
    expect(variablesOf({ variables: { ticketNumber: 'T1', subject: 'S' } }).map(([name]) => name)).toEqual([
      'ticketNumber',
      'subject',
      'body',
    ]);
  });
});
