import { describe, expect, it } from 'vitest';
import {
  generateSecret,
  isValidSecret,
  signatureHeader,
  signedHeaders,
  signingSecrets,
  verifySignature,
} from './webhooks.signature.js';

// The Standard Webhooks specification's published test vector (standard-webhooks/standard-webhooks,
// libraries/javascript/src/webhook.test.ts, "sign function works"). Independently:
//   printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' \
//     | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(echo MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw | base64 -d | xxd -p | tr -d '\n') -binary | base64
//   → g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const MSG_ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const AT = new Date(1614265330 * 1000);
const BODY = '{"test": 2432232314}';
const EXPECTED = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

describe('Standard Webhooks signatures', () => {
  it('signs the specification test vector', () => {
    expect(signatureHeader([SECRET], MSG_ID, AT, BODY)).toBe(EXPECTED);
    expect(signedHeaders([SECRET], MSG_ID, AT, BODY)).toEqual({
      'webhook-id': MSG_ID,
      'webhook-timestamp': '1614265330',
      'webhook-signature': EXPECTED,
    });
  });

  it('a receiver accepts a fresh message and rejects a tampered body and a stale timestamp', () => {
    const now = new Date();
    const headers = signedHeaders([SECRET], MSG_ID, now, BODY);
    expect(verifySignature(SECRET, BODY, headers)).toBe(true);
    expect(verifySignature(SECRET, '{"test": 2432232315}', headers)).toBe(false);
    const stale = new Date(now.getTime() - 5 * 60_000 - 2_000);
    expect(verifySignature(SECRET, BODY, signedHeaders([SECRET], MSG_ID, stale, BODY))).toBe(false);
    const future = new Date(now.getTime() + 5 * 60_000 + 2_000);
    expect(verifySignature(SECRET, BODY, signedHeaders([SECRET], MSG_ID, future, BODY))).toBe(false);
    expect(verifySignature(SECRET, BODY, { ...headers, 'webhook-signature': undefined })).toBe(false);
    expect(verifySignature(generateSecret(), BODY, headers)).toBe(false);
  });

  it('during a rotation both secrets sign and either verifies', () => {
    const fresh = generateSecret();
    const secrets = signingSecrets({ secret: fresh, previousSecret: SECRET, secretRotatedAt: new Date() });
    expect(secrets).toEqual([fresh, SECRET]);
    const headers = signedHeaders(secrets, MSG_ID, new Date(), BODY);
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(verifySignature(SECRET, BODY, headers)).toBe(true);
    expect(verifySignature(fresh, BODY, headers)).toBe(true);
    const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000 - 1000);
    expect(signingSecrets({ secret: fresh, previousSecret: SECRET, secretRotatedAt: dayAgo })).toEqual([fresh]);
  });

  it('accepts only whsec_ secrets of 24 to 64 bytes', () => {
    expect(isValidSecret(SECRET)).toBe(true);
    expect(isValidSecret(generateSecret())).toBe(true);
    expect(isValidSecret('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe(false);
    expect(isValidSecret('whsec_abc')).toBe(false);
    expect(isValidSecret('whsec_not base64!!')).toBe(false);
  });
});
