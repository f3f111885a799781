import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ed25519SignatureMatches, hmacSignatureMatches, parseEd25519PublicKey } from './signatures.js';

/** Binance Spot API docs, "SIGNED request example (HMAC)": the example secret key, signed string and signature. */
const BINANCE_SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
const BINANCE_PAYLOAD = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
const BINANCE_SIGNATURE = 'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71';

/** RFC 8032 section 7.1, TEST 2: public key, message 0x72 ("r") and signature (hex, here base64 as Binance sends it). */
const RFC8032_PUBLIC_PEM = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAPUAXw+hDiVqStwqnTRt+vJyYLM8uxJaMwM1V8Sr0Zgw=\n-----END PUBLIC KEY-----\n';
const RFC8032_SIGNATURE = Buffer.from(
  '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  'hex',
).toString('base64');

describe('HMAC-SHA256 signatures', () => {
  it("when Binance's documented example is checked, then its documented signature matches", () => {
    expect(hmacSignatureMatches(BINANCE_SECRET, BINANCE_PAYLOAD, BINANCE_SIGNATURE)).toBe(true);
  });

  it('when the signature is in upper case, then it still matches (Binance: HMAC signatures are not case-sensitive)', () => {
    expect(hmacSignatureMatches(BINANCE_SECRET, BINANCE_PAYLOAD, BINANCE_SIGNATURE.toUpperCase())).toBe(true);
  });

  it('when one parameter of the payload changes, then the signature no longer matches', () => {
    expect(hmacSignatureMatches(BINANCE_SECRET, BINANCE_PAYLOAD.replace('quantity=1', 'quantity=2'), BINANCE_SIGNATURE)).toBe(false);
  });

  it('when the secret differs, then the signature does not match', () => {
    expect(hmacSignatureMatches(BINANCE_SECRET.replace('N', 'M'), BINANCE_PAYLOAD, BINANCE_SIGNATURE)).toBe(false);
  });

  it('when the signature is malformed (short, not hex, empty), then it does not match and nothing throws', () => {
    for (const bad of ['', BINANCE_SIGNATURE.slice(2), `${BINANCE_SIGNATURE}00`, BINANCE_SIGNATURE.replace(/^../, 'zz')]) {
      expect(hmacSignatureMatches(BINANCE_SECRET, BINANCE_PAYLOAD, bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('Ed25519 signatures', () => {
  const rfcKey = parseEd25519PublicKey(RFC8032_PUBLIC_PEM);

  it('when the RFC 8032 test vector is checked, then its signature matches and a changed message does not', () => {
    if (!rfcKey.ok) throw new Error(`the RFC 8032 public key was refused: ${rfcKey.message}`);
    expect(ed25519SignatureMatches(rfcKey.key, 'r', RFC8032_SIGNATURE)).toBe(true);
    expect(ed25519SignatureMatches(rfcKey.key, 's', RFC8032_SIGNATURE)).toBe(false);
  });

  it("when a bot signs Binance's example payload with its private key, then the registered public key verifies it", () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const parsed = parseEd25519PublicKey(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    if (!parsed.ok) throw new Error(parsed.message);
    const signature = sign(null, Buffer.from(BINANCE_PAYLOAD), privateKey).toString('base64');
    expect(ed25519SignatureMatches(parsed.key, BINANCE_PAYLOAD, signature)).toBe(true);
    expect(ed25519SignatureMatches(parsed.key, `${BINANCE_PAYLOAD}0`, signature)).toBe(false);
  });

  it('when the signature is not 64 bytes of standard base64, then it does not match and nothing throws', () => {
    if (!rfcKey.ok) throw new Error(rfcKey.message);
    for (const bad of ['', RFC8032_SIGNATURE.slice(4), RFC8032_SIGNATURE.replace(/\+/g, '-'), BINANCE_SIGNATURE]) {
      expect(ed25519SignatureMatches(rfcKey.key, 'r', bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('parsing a pasted Ed25519 public key', () => {
  it('when the PEM has surrounding whitespace, then it is accepted and stored in canonical SPKI PEM', () => {
    const parsed = parseEd25519PublicKey(`\n  ${RFC8032_PUBLIC_PEM}  \n`);
    expect(parsed).toMatchObject({ ok: true, pem: RFC8032_PUBLIC_PEM });
  });

  it('when an RSA or EC public key is pasted, then it is refused as not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(parseEd25519PublicKey(rsa)).toMatchObject({ ok: false, message: expect.stringContaining('rsa') });
    expect(parseEd25519PublicKey(ec)).toMatchObject({ ok: false, message: expect.stringContaining('not an Ed25519') });
  });

  it('when the private key is pasted by mistake, then it is refused (never turned into a public key)', () => {
    const priv = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(parseEd25519PublicKey(priv)).toMatchObject({ ok: false, message: expect.stringContaining('private key') });
  });

  it('when the text is not PEM at all, then it is refused', () => {
    expect(parseEd25519PublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE')).toMatchObject({ ok: false });
    expect(parseEd25519PublicKey('-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----')).toMatchObject({ ok: false });
  });
});
