import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { verifyZaloSignature } from '../../src/channels/zalo/signature.js';

const appId = '2553928453557884079';
const secret = 'oa-secret';
const raw = `{"event_name":"user_send_text","app_id":"${appId}","sender":{"id":"1"},"message":{"text":"Chào","msg_id":"m1"},"timestamp":"1699003881354"}`;
// Computed independently from the documented formula: sha256(app_id + raw body + timestamp + OA secret key).
const mac = createHash('sha256').update(`${appId}${raw}1699003881354${secret}`).digest('hex');

describe('X-ZEvent-Signature', () => {
  it('accepts the documented mac=<sha256 hex> over the exact raw body', () => {
    expect(verifyZaloSignature(raw, `mac=${mac}`, { appId, oaSecretKey: secret })).toBe(true);
  });

  it('rejects a wrong key, a changed body, another app, a missing header and garbage', () => {
    expect(verifyZaloSignature(raw, `mac=${mac}`, { appId, oaSecretKey: 'other' })).toBe(false);
    expect(verifyZaloSignature(raw.replace('Chào', 'Chao'), `mac=${mac}`, { appId, oaSecretKey: secret })).toBe(false);
    expect(verifyZaloSignature(raw, `mac=${mac}`, { appId: '1', oaSecretKey: secret })).toBe(false);
    expect(verifyZaloSignature(raw, undefined, { appId, oaSecretKey: secret })).toBe(false);
    expect(verifyZaloSignature('not json', `mac=${mac}`, { appId, oaSecretKey: secret })).toBe(false);
    expect(verifyZaloSignature(raw, 'mac=00', { appId, oaSecretKey: secret })).toBe(false);
  });
});
