/** The verified-token memo in front of jose: it may skip the signature check, never the rules. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken, verifyAccessToken } from './access-token.js';

const SECRET = 'access-token-test-secret-'.padEnd(40, 'x');
const OTHER_SECRET = 'another-access-token-secret-'.padEnd(40, 'y');
const claims = { userId: 7, username: 'alice', sessionId: 'family-1' };

describe('verifyAccessToken', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when a verified token is sent again, then it is accepted with the same claims until its expiry, and refused as expired after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const issuedAt = Date.parse('2026-01-01T00:00:00Z');
    vi.setSystemTime(issuedAt);
    const token = await signAccessToken(SECRET, claims, issuedAt);
    const first = await verifyAccessToken(SECRET, token);
    expect(first).toEqual({ ...claims, expiresAt: issuedAt + ACCESS_TOKEN_TTL_SECONDS * 1000 });

    vi.setSystemTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS * 1000 - 1);
    expect(await verifyAccessToken(SECRET, token), 'one millisecond before expiry').toEqual(first);

    vi.setSystemTime(issuedAt + ACCESS_TOKEN_TTL_SECONDS * 1000);
    await expect(verifyAccessToken(SECRET, token)).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/expired/) });
    await expect(verifyAccessToken(SECRET, token), 'and stays refused').rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('when a token verified under one secret is checked under another, then it is refused', async () => {
    const token = await signAccessToken(SECRET, claims);
    await verifyAccessToken(SECRET, token);
    await expect(verifyAccessToken(OTHER_SECRET, token)).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'The access token is invalid.' });
  });

  it('when a verified token has one bit of its signature flipped, then the edited token is refused', async () => {
    const token = await signAccessToken(SECRET, claims);
    await verifyAccessToken(SECRET, token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    // Flipped in the decoded bytes: an edited last base64url character may touch only the
    // padding bits, which decode to the same signature.
    for (const [byte, bit] of [[0, 0], [15, 3], [31, 7]] as const) {
      const bytes = Buffer.from(signature, 'base64url');
      bytes[byte]! ^= 1 << bit;
      const edited = `${header}.${payload}.${bytes.toString('base64url')}`;
      expect(edited, 'the edit changed the token').not.toBe(token);
      await expect(verifyAccessToken(SECRET, edited), `byte ${byte} bit ${bit}`).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
  });

  it('when a caller tries to alter the claims it was given, then it cannot, and the next caller gets the verified ones', async () => {
    const token = await signAccessToken(SECRET, claims);
    const first = await verifyAccessToken(SECRET, token);
    expect(() => Object.assign(first, { userId: 8 })).toThrow(TypeError);
    expect((await verifyAccessToken(SECRET, token)).userId).toBe(7);
  });
});
