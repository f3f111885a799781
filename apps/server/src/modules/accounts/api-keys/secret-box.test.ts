import { describe, expect, it } from 'vitest';
import { randomToken } from './random-token.js';
import { SecretBox, secretBoxOf } from './secret-box.js';

const MATERIAL = 'box-material-'.padEnd(40, 'x');

describe('API-key secret encryption', () => {
  it('when a secret is sealed, then the stored text contains no trace of it and opens back to it', () => {
    const box = new SecretBox(MATERIAL);
    const secret = randomToken();
    const sealed = box.seal(secret, 'the-api-key');
    expect(sealed).not.toContain(secret);
    expect(Buffer.from(sealed.split('.')[2]!, 'base64url').toString('latin1')).not.toContain(secret.slice(0, 8));
    expect(box.open(sealed, 'the-api-key')).toBe(secret);
  });

  it('when the same secret is sealed twice, then the two texts differ (a fresh IV each time)', () => {
    const box = new SecretBox(MATERIAL);
    expect(box.seal('s', 'k')).not.toBe(box.seal('s', 'k'));
  });

  it('when the ciphertext is moved to another key, altered, or opened under other material, then it does not open', () => {
    const box = new SecretBox(MATERIAL);
    const sealed = box.seal('secret', 'key-a');
    expect(() => box.open(sealed, 'key-b')).toThrow();
    const [v, iv, body, tag] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([v, iv, flipped.toString('base64url'), tag].join('.'), 'key-a')).toThrow();
    expect(() => new SecretBox('other-material-'.padEnd(40, 'y')).open(sealed, 'key-a')).toThrow();
    expect(() => box.open('plain-text', 'key-a')).toThrow(/format/);
  });

  it('when API_KEY_ENCRYPTION_SECRET is set, then it is the material; otherwise the JWT secret is', () => {
    const jwtSecret = 'jwt-secret-'.padEnd(40, 'j');
    const own = 'own-secret-'.padEnd(40, 'o');
    const sealed = secretBoxOf({ jwtSecret, apiKeyEncryptionSecret: own }).seal('s', 'k');
    expect(new SecretBox(own).open(sealed, 'k')).toBe('s');
    expect(() => new SecretBox(jwtSecret).open(sealed, 'k')).toThrow();
    expect(new SecretBox(jwtSecret).open(secretBoxOf({ jwtSecret, apiKeyEncryptionSecret: undefined }).seal('s', 'k'), 'k')).toBe('s');
  });
});

describe('random API keys and secrets', () => {
  it('when one is made, then it is 64 letters and digits, and 1000 of them are all different', () => {
    const tokens = Array.from({ length: 1000 }, () => randomToken());
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(new Set(tokens).size).toBe(1000);
  });
});
