import { Form } from 'antd';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { RobotFormFields } from './RobotFormModal';
import { RobotTestResult } from './RobotTestResult';
import { isHttpUrl, kindOfUrl, type RobotValues, toBody, toValues } from './robotForm';
import type { Robot, RobotKind } from './types';

const robot: Robot = {
  id: '7d1c4f0e-2f7c-4a4b-9d52-0c6f3f1a2b3c',
  kind: 'dingtalk',
  name: '客服主管群',
  url: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
  hasSecret: true,
  topics: ['complaint.major_reported'],
  mentionMobiles: ['13800138000'],
  format: 'markdown',
  locale: 'zh-CN',
  enabled: true,
  createdBy: null,
  createdAt: '2026-12-07T08:00:00.000Z',
  updatedAt: '2026-12-07T08:00:00.000Z',
};

function Fields({ kind, editing }: { kind: RobotKind; editing: Robot | null }) {
  const [form] = Form.useForm<RobotValues>();
  return (
    <Form form={form} layout="vertical" initialValues={{ ...toValues(editing), kind }}>
      <RobotFormFields form={form} kind={kind} editing={editing} />
    </Form>
  );
}
const fields = (kind: RobotKind, editing: Robot | null = null) =>
  renderToStaticMarkup(<Fields kind={kind} editing={editing} />);

describe('robot form', () => {
  afterAll(() => i18n.changeLanguage('zh-CN'));

  it('sends the secret only when typed and only for chats that sign, mobiles trimmed, format the chat knows', () => {
    const values: RobotValues = {
      ...toValues(null),
      kind: 'dingtalk',
      name: ' 客服主管群 ',
      url: ' https://oapi.dingtalk.com/robot/send?access_token=abc ',
      secret: ' SECabc ',
      mentionMobiles: [' 13800138000 ', ''],
    };
    expect(toBody(values)).toEqual({
      kind: 'dingtalk',
      name: '客服主管群',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
      secret: 'SECabc',
      topics: ['complaint.major_reported', 'sla.escalated'],
      mentionMobiles: ['13800138000'],
      format: 'markdown',
      locale: 'zh-CN',
      enabled: true,
    });
    // An edit that leaves the secret empty keeps the stored one: no `secret` in the body.
    expect(toBody({ ...toValues(robot), secret: '' })).not.toHaveProperty('secret');
    // WeCom has its key in the URL: a secret typed before switching is not sent.
    expect(toBody({ ...values, kind: 'wecom' })).not.toHaveProperty('secret');
    // Feishu has no markdown message: plain text instead.
    expect(toBody({ ...values, kind: 'feishu', format: 'markdown' }).format).toBe('text');
  });

  it('recognises the vendors\u2019 robot addresses', () => {
    expect(kindOfUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x')).toBe('wecom');
    expect(kindOfUrl('https://oapi.dingtalk.com/robot/send?access_token=x')).toBe('dingtalk');
    expect(kindOfUrl('https://open.feishu.cn/open-apis/bot/v2/hook/x')).toBe('feishu');
    expect(kindOfUrl('http://127.0.0.1:8080/robot')).toBeUndefined();
    // Intranet receivers: a bare host name or a one-digit port is an address too.
    expect(isHttpUrl('http://crm/hooks/kefu')).toBe(true);
    expect(isHttpUrl('http://10.0.0.8:9/robot')).toBe(true);
    expect(isHttpUrl('ftp://example.com/x')).toBe(false);
    expect(isHttpUrl('oapi.dingtalk.com/robot/send')).toBe(false);
  });

  it('tells where each vendor shows the secret, and asks WeCom for none', async () => {
    await i18n.changeLanguage('zh-CN');
    const dingtalk = fields('dingtalk');
    expect(dingtalk).toContain('加签');
    expect(dingtalk).toContain('SEC');
    expect(dingtalk).toContain('id="robot-secret"');
    expect(dingtalk).toContain('https://oapi.dingtalk.com/robot/send?access_token=');
    const feishu = fields('feishu');
    expect(feishu).toContain('签名校验');
    expect(feishu).toContain('消息卡片');
    expect(feishu).not.toContain('Markdown');
    const wecom = fields('wecom');
    expect(wecom).not.toContain('id="robot-secret"');
    expect(wecom).toContain('添加群机器人');
    await i18n.changeLanguage('en');
    expect(fields('dingtalk')).toContain('Additional signature');
  });

  it('never shows a stored secret: it says one is set and empty keeps it', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = fields('dingtalk', robot);
    expect(html).toContain('已保存密钥');
    expect(html).toContain('已设置（留空则不修改）');
    expect(html).not.toContain('SECabc');
  });
});

describe('robot test result', () => {
  afterAll(() => i18n.changeLanguage('zh-CN'));

  it('shows a delivered test with the receiver\u2019s answer', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = renderToStaticMarkup(
      <RobotTestResult
        result={{ ok: true, status: 200, response: '{"errcode":0,"errmsg":"ok"}', error: null, deliveryId: null }}
      />,
    );
    expect(html).toContain('data-ok="true"');
    expect(html).toContain('测试消息已送达');
    expect(html).toContain('>200<');
    expect(html).toContain('{&quot;errcode&quot;:0,&quot;errmsg&quot;:&quot;ok&quot;}');
  });

  it('shows a refused test with the vendor\u2019s error code, and a receiver that never answered', async () => {
    await i18n.changeLanguage('en');
    const refused = renderToStaticMarkup(
      <RobotTestResult
        result={{
          ok: false,
          status: 200,
          response: '{"errcode":310000,"errmsg":"sign not match"}',
          error: 'DingTalk 310000: sign not match',
          deliveryId: null,
        }}
      />,
    );
    expect(refused).toContain('data-ok="false"');
    expect(refused).toContain('Test message not delivered');
    expect(refused).toContain('310000');
    const silent = renderToStaticMarkup(
      <RobotTestResult
        result={{ ok: false, status: null, response: null, error: 'connect ECONNREFUSED', deliveryId: null }}
      />,
    );
    expect(silent).toContain('No answer');
    expect(silent).toContain('(empty)');
    expect(silent).toContain('ECONNREFUSED');
  });
});
