import { describe, expect, it } from 'vitest';
import {
  canonicalQueryString,
  canonicalRequest,
  parseAuthorization,
  percentEncode,
  sha256Hex,
  signRequest,
  stringToSign,
} from './acs3.signature.js';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('Alibaba Cloud signature V3 (ACS3-HMAC-SHA256)', () => {
  it("reproduces the documentation's worked example (ECS RunInstances, fixed date and nonce)", () => {
    // From "V3 request structure and signature" (help.aliyun.com / alibabacloud.com): the
    // published HashedCanonicalRequest 7ea06492… and Signature 06563a9e….
    const signed = signRequest({
      method: 'POST',
      host: 'ecs.cn-shanghai.aliyuncs.com',
      query: { RegionId: 'cn-shanghai', ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd' },
      body: '',
      action: 'RunInstances',
      version: '2014-05-26',
      accessKeyId: 'YourAccessKeyId',
      accessKeySecret: 'YourAccessKeySecret',
      date: '2023-10-26T10:22:32Z',
      nonce: '3156853299f313e23d1673dc12e1703d',
    });
    expect(signed.canonicalRequest).toBe(
      [
        'POST',
        '/',
        'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
        'host:ecs.cn-shanghai.aliyuncs.com',
        'x-acs-action:RunInstances',
        `x-acs-content-sha256:${EMPTY_SHA256}`,
        'x-acs-date:2023-10-26T10:22:32Z',
        'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d',
        'x-acs-version:2014-05-26',
        '',
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
        EMPTY_SHA256,
      ].join('\n'),
    );
    expect(signed.stringToSign).toBe(
      'ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259',
    );
    expect(signed.headers.authorization).toBe(
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;' +
        'x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
  });

  it('signs a SendSms request with Chinese text and RFC 3986 specials as computed independently', () => {
    // Literals computed with Python's hashlib/hmac/urllib.parse.quote(safe=''), independent of this code:
    //   q={'PhoneNumbers':'13800138000','SignName':'客服中心','TemplateCode':'SMS_154950909',
    //      'TemplateParam':'{"content":"工单 T-1024 已回复 (请查收*)"}'}
    //   cq='&'.join(f"{quote(k,safe='')}={quote(q[k],safe='')}" for k in sorted(q))
    //   h={'content-type':'application/x-www-form-urlencoded','host':'dysmsapi.aliyuncs.com','x-acs-action':'SendSms',
    //      'x-acs-content-sha256':sha256(b'').hexdigest(),'x-acs-date':'2026-12-07T08:00:00Z',
    //      'x-acs-signature-nonce':'kefu-nonce-0001','x-acs-version':'2017-05-25'}
    //   cr='\n'.join(['POST','/',cq,''.join(f"{k}:{h[k]}\n" for k in sorted(h)),';'.join(sorted(h)),sha256(b'').hexdigest()])
    //   hc=sha256(cr.encode()).hexdigest(); hmac.new(b'TestAccessKeySecret',('ACS3-HMAC-SHA256\n'+hc).encode(),sha256).hexdigest()
    const query = {
      TemplateParam: JSON.stringify({ content: '工单 T-1024 已回复 (请查收*)' }),
      PhoneNumbers: '13800138000',
      TemplateCode: 'SMS_154950909',
      SignName: '客服中心',
    };
    expect(canonicalQueryString(query)).toBe(
      'PhoneNumbers=13800138000&SignName=%E5%AE%A2%E6%9C%8D%E4%B8%AD%E5%BF%83&TemplateCode=SMS_154950909' +
        '&TemplateParam=%7B%22content%22%3A%22%E5%B7%A5%E5%8D%95%20T-1024%20%E5%B7%B2%E5%9B%9E%E5%A4%8D%20' +
        '%28%E8%AF%B7%E6%9F%A5%E6%94%B6%2A%29%22%7D',
    );
    const signed = signRequest({
      method: 'POST',
      host: 'dysmsapi.aliyuncs.com',
      query,
      body: '',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      action: 'SendSms',
      version: '2017-05-25',
      accessKeyId: 'LTAI5tTestKeyId',
      accessKeySecret: 'TestAccessKeySecret',
      date: '2026-12-07T08:00:00Z',
      nonce: 'kefu-nonce-0001',
    });
    expect(signed.stringToSign).toBe(
      'ACS3-HMAC-SHA256\nda1a5419e09e9af911f524609e0279e516f4019c252721a8a4a83d36af477b0a',
    );
    expect(signed.signature).toBe('f2c53b67d32c7d247b635871e6d4aec6ed9f295b8ae6529513a3744bda4d58c1');
    expect(signed.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(parseAuthorization(signed.headers.authorization)).toEqual({
      credential: 'LTAI5tTestKeyId',
      signedHeaders: [
        'content-type',
        'host',
        'x-acs-action',
        'x-acs-content-sha256',
        'x-acs-date',
        'x-acs-signature-nonce',
        'x-acs-version',
      ],
      signature: 'f2c53b67d32c7d247b635871e6d4aec6ed9f295b8ae6529513a3744bda4d58c1',
    });
  });

  it('percent-encodes per RFC 3986 and builds the pieces the documents name', () => {
    expect(percentEncode("AZaz09-_.~ !'()*+/=&")).toBe('AZaz09-_.~%20%21%27%28%29%2A%2B%2F%3D%26');
    expect(canonicalQueryString({})).toBe('');
    expect(canonicalQueryString({ b: '', a: 'x y' })).toBe('a=x%20y&b=');
    expect(sha256Hex('')).toBe(EMPTY_SHA256);
    // Header values are trimmed, names lower-cased; headers outside x-acs-/host/content-type are left out.
    const canonical = canonicalRequest({
      method: 'post',
      path: '/',
      query: {},
      headers: { Host: ' h ', 'X-Acs-Date': 'd', Accept: 'application/json' },
      hashedPayload: EMPTY_SHA256,
    });
    expect(canonical).toBe(`POST\n/\n\nhost:h\nx-acs-date:d\n\nhost;x-acs-date\n${EMPTY_SHA256}`);
    expect(stringToSign('x')).toBe(`ACS3-HMAC-SHA256\n${sha256Hex('x')}`);
    expect(parseAuthorization('HMAC-SHA1 abc')).toBeNull();
    expect(parseAuthorization('ACS3-HMAC-SHA256 Credential=a,Signature=b')).toBeNull();
  });
});
