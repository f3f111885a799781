/**
 * Credentials a client may put in a query string (WebSocket clients that cannot set headers
 * send `?token=`). Their values never reach a log line.
 */
const SECRET_PARAMS = /([?&](?:token|access_token|accessToken|refresh_token|refreshToken)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.includes('?') ? url.replace(SECRET_PARAMS, '$1[redacted]') : url;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's own `req` log serializer, with credentials in the URL redacted. */
export function serializeRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
