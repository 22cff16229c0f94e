import { describe, expect, it } from 'vitest';
import { buildSendSmsRequest, businessLimitWait, normalizePhone, readSendSmsAnswer } from './aliyun.client.js';

const answer = (body: Record<string, unknown>) => JSON.stringify({ RequestId: 'R-1', ...body });

describe('Alibaba Cloud SendSms: the request and what its answers mean', () => {
  it('builds a signed POST with the parameters in the query and an empty body', () => {
    const built = buildSendSmsRequest(
      {
        endpoint: 'https://dysmsapi.aliyuncs.com',
        regionId: 'cn-hangzhou',
        accessKeyId: 'LTAI5tId',
        accessKeySecret: 'secret-never-logged',
        signName: '客服中心',
      },
      { phoneNumbers: '138-0013 8000', templateCode: 'SMS_1', templateParams: { content: 'a b' }, outId: 'n-1' },
      { now: new Date('2026-12-07T08:00:00.123Z'), nonce: 'nonce-1' },
    );
    expect(built.url).toBe(
      'https://dysmsapi.aliyuncs.com/?OutId=n-1&PhoneNumbers=13800138000&RegionId=cn-hangzhou' +
        '&SignName=%E5%AE%A2%E6%9C%8D%E4%B8%AD%E5%BF%83&TemplateCode=SMS_1&TemplateParam=%7B%22content%22%3A%22a%20b%22%7D',
    );
    expect(built.body).toBe('');
    expect(built.headers).toMatchObject({
      'x-acs-action': 'SendSms',
      'x-acs-version': '2017-05-25',
      'x-acs-date': '2026-12-07T08:00:00Z',
      'x-acs-signature-nonce': 'nonce-1',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(built.headers).not.toHaveProperty('host');
    expect(built.headers.authorization).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI5tId,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$/,
    );
    expect(built.log).not.toContain('secret-never-logged');
    expect(normalizePhone('+86 (138) 0013-8000')).toBe('+8613800138000');
  });

  it('reads OK as sent, with the BizId', () => {
    expect(readSendSmsAnswer(200, answer({ Code: 'OK', Message: 'OK', BizId: '9006197469364984^0' }))).toEqual({
      ok: true,
      retryable: false,
      providerId: '9006197469364984^0',
    });
  });

  it('waits on the per-number frequency limit, longer with each attempt, at most an hour', () => {
    const limited = readSendSmsAnswer(
      200,
      answer({ Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控' }),
      1,
    );
    expect(limited).toMatchObject({ ok: false, retryable: true, retryAfterSeconds: 60 });
    expect(limited.error).toBe('isv.BUSINESS_LIMIT_CONTROL: 触发分钟级流控 (RequestId R-1)');
    expect([1, 2, 3, 7, 20].map(businessLimitWait)).toEqual([60, 120, 240, 3600, 3600]);
  });

  it('gives up on a wrong number, template, signature or key; tries again on throttling and server errors', () => {
    for (const code of [
      'isv.MOBILE_NUMBER_ILLEGAL',
      'isv.SMS_TEMPLATE_ILLEGAL',
      'isv.SMS_SIGNATURE_ILLEGAL',
      'isv.TEMPLATE_MISSING_PARAMETERS',
      'isv.SOMETHING_NEW',
    ]) {
      expect(readSendSmsAnswer(200, answer({ Code: code, Message: 'm' }))).toMatchObject({
        ok: false,
        retryable: false,
      });
    }
    const badSignature = readSendSmsAnswer(
      400,
      answer({ Code: 'SignatureDoesNotMatch', Message: 'Specified signature…' }),
    );
    expect(badSignature).toMatchObject({ ok: false, retryable: false });
    expect(badSignature.error).toContain('SignatureDoesNotMatch: Specified signature…');
    expect(readSendSmsAnswer(404, answer({ Code: 'InvalidAccessKeyId.NotFound' })).retryable).toBe(false);
    expect(readSendSmsAnswer(400, answer({ Code: 'Throttling.User', Message: 'Request was denied' })).retryable).toBe(
      true,
    );
    expect(readSendSmsAnswer(200, answer({ Code: 'isv.DAY_LIMIT_CONTROL' })).retryable).toBe(true);
    expect(readSendSmsAnswer(200, answer({ Code: 'isp.SYSTEM_ERROR' })).retryable).toBe(true);
    expect(readSendSmsAnswer(503, answer({ Code: 'ServiceUnavailable' })).retryable).toBe(true);
    const gateway = readSendSmsAnswer(502, '<html>Bad Gateway</html>');
    expect(gateway).toMatchObject({ ok: false, retryable: true });
    expect(gateway.error).toBe('HTTP 502: <html>Bad Gateway</html>');
    expect(readSendSmsAnswer(400, 'not json').retryable).toBe(false);
  });
});
