/**
 * Encryption at rest of HMAC API-key secrets: AES-256-GCM under a key derived by HKDF-SHA256
 * from the server's secret material (API_KEY_ENCRYPTION_SECRET, else the JWT secret). The
 * API key itself is the additional authenticated data, so a ciphertext copied onto another
 * key's row does not open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../../../config.js';
import { jwtSecretOf } from '../authenticate.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBox {
  readonly #key: Buffer;

  constructor(material: string) {
    this.#key = Buffer.from(hkdfSync('sha256', material, 'cryptosim/api-key-secrets', 'aes-256-gcm/v1', 32));
  }

  /** `v1.<iv>.<ciphertext>.<tag>`, base64url parts; a fresh IV every time. */
  seal(plaintext: string, aad: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** The plaintext, or throws when the text was altered, belongs to another key, or was sealed under other material. */
  open(sealed: string, aad: string): string {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== VERSION || iv === undefined || body === undefined || tag === undefined) throw new Error('api key secret: unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}

export function secretBoxOf(config: Pick<Config, 'jwtSecret' | 'apiKeyEncryptionSecret'>): SecretBox {
  return new SecretBox(config.apiKeyEncryptionSecret ?? jwtSecretOf(config));
}
