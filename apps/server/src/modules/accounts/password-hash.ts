import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's first recommended setting (Password Storage Cheat Sheet):
 * m = 19 MiB, t = 2, p = 1. On this project's 2-core reference machine one verify costs
 * ~15 ms of CPU (`npm run bench -- login`); a higher cost would make every login slower
 * and the per-IP login limit already keeps online guessing far below what the CPU allows.
 * The parameters are stored inside each hash, so raising them later keeps old hashes valid.
 */
export const ARGON2_OPTIONS = {
  // Algorithm.Argon2id; the library's const enum cannot be imported under verbatimModuleSyntax.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * Checks `password` against `stored`; with no stored hash (unknown user) it verifies against
 * a dummy hash of the same cost, so a login takes as long whether or not the user exists.
 */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  dummy ??= hashPassword('not-a-real-password-but-equally-slow');
  const target = stored ?? (await dummy);
  try {
    const ok = await verify(target, password);
    return ok && stored !== undefined;
  } catch {
    // A malformed stored hash is a refusal, not a 500.
    return false;
  }
}
