import Type, { type TLiteral, type TSchemaOptions, type TUnion } from 'typebox';

type LiteralsOf<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };

/**
 * The schema of one of `values`, from the same tuple the static type comes from, so a list of
 * names is written once. (Type.Union over a plain `.map()` types as a union of `never`: the
 * mapped tuple type keeps each literal.)
 */
export function LiteralUnion<const T extends readonly string[]>(values: T, options?: TSchemaOptions): TUnion<LiteralsOf<T>> {
  return Type.Union(values.map((value) => Type.Literal(value)), options) as unknown as TUnion<LiteralsOf<T>>;
}
