/**
 * Binance's request signatures over the exact signed string: HMAC-SHA256 as hex (case does not
 * matter), Ed25519 as base64. Both answer false for a malformed signature instead of throwing.
 */
import { createHmac, createPublicKey, timingSafeEqual, verify, type KeyObject } from 'node:crypto';

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;
/** 64 signature bytes in standard base64 (Binance's encoding). */
const BASE64_ED25519 = /^[A-Za-z0-9+/]{86}==$/;

export function hmacSignatureMatches(secret: string, payload: string, signature: string): boolean {
  if (!HEX_SHA256.test(signature)) return false;
  const expected = createHmac('sha256', secret).update(payload, 'utf8').digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

export function ed25519SignatureMatches(publicKey: KeyObject, payload: string, signature: string): boolean {
  if (!BASE64_ED25519.test(signature)) return false;
  return verify(null, Buffer.from(payload, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
}

export type ParsedPublicKey = { ok: true; pem: string; key: KeyObject } | { ok: false; message: string };

/** A user's pasted Ed25519 public key, as SPKI PEM; a private key is refused, never read. */
export function parseEd25519PublicKey(text: string): ParsedPublicKey {
  if (/PRIVATE KEY/.test(text)) return { ok: false, message: 'This is a private key: paste the public key (-----BEGIN PUBLIC KEY-----) and keep the private key to yourself.' };
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text.trim(), format: 'pem' });
  } catch {
    return { ok: false, message: 'Not a PEM public key (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----).' };
  }
  if (key.asymmetricKeyType !== 'ed25519') return { ok: false, message: `This is a ${key.asymmetricKeyType ?? 'unknown'} key, not an Ed25519 key.` };
  return { ok: true, pem: key.export({ type: 'spki', format: 'pem' }).toString(), key };
}
