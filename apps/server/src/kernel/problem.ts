import { PROBLEM_CONTENT_TYPE, type ErrorCode, type Problem, type ValidationIssue } from '@cryptosim/contracts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: ErrorCode | string, detail: string, errors?: ValidationIssue[]): Problem {
  return {
    // A stable, dereferenceable-looking identifier per code; clients switch on `code`.
    type: `https://cryptosim.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export { PROBLEM_CONTENT_TYPE };

/** A route's error responses: the shared problem+json schema (the contract's `$id: 'Problem'`) for each status listed. */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, { $ref: string }> {
  const ref = { $ref: 'Problem#' };
  return Object.fromEntries(statuses.map((status) => [status, ref])) as Record<S, { $ref: string }>;
}
