import Type from 'typebox';

/**
 * A 204 response's schema: JSON Schema `null` for the docs, typed as no payload so a handler
 * ends with `reply.status(204).send()`.
 */
export const noContent = (description: string) => Type.Unsafe<undefined>(Type.Null({ description }));
