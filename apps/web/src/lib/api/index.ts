export { ApiError, CLIENT_ERROR_CODES, isProblem } from './api-error';
export { fetchJson, type FetchJsonOptions } from './fetch-json';
