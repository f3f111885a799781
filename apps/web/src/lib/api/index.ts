export { ApiError, CLIENT_ERROR_CODES, isProblem, parseRetryAfter } from './api-error';
export { fetchJson, type FetchJsonOptions } from './fetch-json';
export { fetchBlob } from './fetch-blob';
export { fetchStream } from './fetch-stream';
export { ApiClient, type ApiClientOptions, type ClientTokens, type RequestOptions, type SessionPort } from './api-client';
export { ApiClientProvider, useApiClient } from './api-client-context';
export { USER_QUERY_ROOT } from './user-query-root';
export { saveBlob } from './save-blob';
export { orderProblemText } from './order-problem-text';
