/**
 * An independent oracle for exact products: scales both decimal strings to integers and
 * multiplies them as BigInt, so a test does not check decimal.js against itself.
 */
export function bigIntProduct(a: string, b: string): string {
  const split = (s: string) => {
    const [int, frac = ''] = s.split('.');
    return { digits: BigInt(`${int}${frac}`), scale: frac.length };
  };
  const [x, y] = [split(a), split(b)];
  const scale = x.scale + y.scale;
  const raw = (x.digits * y.digits).toString().padStart(scale + 1, '0');
  const int = raw.slice(0, raw.length - scale);
  const frac = raw.slice(raw.length - scale).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}
