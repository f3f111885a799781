/**
 * A small seeded PRNG (xoshiro128**, seeded through splitmix32 from a string), so the
 * simulator replays exactly for one SEED. Math.random cannot be seeded.
 */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export class Prng {
  #s: Uint32Array;
  #spare: number | undefined;

  /** Independent streams for one seed: `new Prng(seed, 'history')`, `new Prng(seed, 'live')`. */
  constructor(seed: string | number, stream = '') {
    const mix = splitmix32(hashString(`${seed}/${stream}`));
    this.#s = new Uint32Array([mix(), mix(), mix(), mix()]);
    if (this.#s.every((x) => x === 0)) this.#s[0] = 1;
  }

  /** Uniform in [0, 1). */
  next(): number {
    const s = this.#s;
    const [s0, s1, s2, s3] = [s[0]!, s[1]!, s[2]!, s[3]!];
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    const n2 = (s2 ^ s0) >>> 0;
    const n3 = (s3 ^ s1) >>> 0;
    s[1] = (s1 ^ n2) >>> 0;
    s[0] = (s0 ^ n3) >>> 0;
    s[2] = (n2 ^ t) >>> 0;
    s[3] = rotl(n3, 11);
    return result / 4294967296;
  }

  /** Standard normal (Box–Muller; the second value is kept for the next call). */
  normal(): number {
    if (this.#spare !== undefined) {
      const v = this.#spare;
      this.#spare = undefined;
      return v;
    }
    const u = 1 - this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const a = 2 * Math.PI * this.next();
    this.#spare = r * Math.sin(a);
    return r * Math.cos(a);
  }

  /** Student-t with `nu` degrees of freedom, scaled to unit variance: fat tails, same spread. */
  studentT(nu: number): number {
    let chi2 = 0;
    for (let i = 0; i < nu; i++) chi2 += this.normal() ** 2;
    return this.normal() / Math.sqrt(chi2 / nu) / Math.sqrt(nu / (nu - 2));
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
