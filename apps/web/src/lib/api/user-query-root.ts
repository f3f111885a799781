/**
 * Every query that belongs to the signed-in user starts with this key, so signing out (or in
 * as someone else) drops all of them at once: ['user', 'portfolio'], ['user', 'me'], …
 */
export const USER_QUERY_ROOT = 'user';
