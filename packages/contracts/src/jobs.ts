import Type, { type Static } from 'typebox';

export const JobRunStatuses = ['running', 'succeeded', 'failed'] as const;
export const JobRunStatus = Type.Union([Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed')]);
export type JobRunStatus = Static<typeof JobRunStatus>;

export const JobRunView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  attempt: Type.Integer({ minimum: 1, description: 'which try of this run (a failed try is retried per the job policy)' }),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  status: JobRunStatus,
  summary: Type.Unknown({ description: 'the job report (JSON) of a succeeded run; null otherwise' }),
  error: Type.Union([Type.String(), Type.Null()]),
});
export type JobRunView = Static<typeof JobRunView>;

export const JobRunsQuery = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]*$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);
export type JobRunsQuery = Static<typeof JobRunsQuery>;

export const JobRunsResponse = Type.Object({ runs: Type.Array(JobRunView, { description: 'newest first' }) });
export type JobRunsResponse = Static<typeof JobRunsResponse>;
