/** The shared problem+json schema (app/openapi.ts registers it) for the listed statuses. */
export const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, { $ref: 'Problem#' }]));
