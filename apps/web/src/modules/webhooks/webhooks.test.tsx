import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { inboundEndpoint } from './api';
import { SigningHelp } from './InboundSourcesPage';
import { CopyValue } from './SecretOnceModal';
import { WebhookStatusTag } from './WebhookDeliveriesDrawer';

describe('webhooks pages', () => {
  afterAll(() => i18n.changeLanguage('zh-CN'));

  it('gives a source its own endpoint under the site', () => {
    expect(inboundEndpoint('5f0c1d7e-1111-4222-8333-944455556666', 'https://kefu.example.cn')).toBe(
      'https://kefu.example.cn/api/v1/inbound/5f0c1d7e-1111-4222-8333-944455556666',
    );
  });

  it('explains how to sign: the three Standard Webhooks headers and what is signed', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = renderToStaticMarkup(<SigningHelp />);
    for (const header of ['webhook-id', 'webhook-timestamp', 'webhook-signature: v1,']) expect(html).toContain(header);
    expect(html).toContain('id + &quot;.&quot; + timestamp + &quot;.&quot; + body');
    expect(html).toContain('如何签名');
    await i18n.changeLanguage('en');
    expect(renderToStaticMarkup(<SigningHelp />)).toContain('How to sign');
  });

  it('shows a secret with a copy button, and delivery states in the UI language', async () => {
    await i18n.changeLanguage('en');
    const secret = renderToStaticMarkup(
      <CopyValue value="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" testId="secret-value" />,
    );
    expect(secret).toContain('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(secret).toContain('ant-typography-copy');
    expect(renderToStaticMarkup(<WebhookStatusTag status="delivered" />)).toContain('Delivered');
    await i18n.changeLanguage('zh-CN');
    expect(renderToStaticMarkup(<WebhookStatusTag status="pending" />)).toContain('等待投递');
  });
});
