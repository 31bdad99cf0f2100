import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Cross-site request forgery guard (issue 10). A state-changing request is served only when the
 * browser says it comes from this site: `Sec-Fetch-Site: same-origin`, or else an `Origin` whose host is
 * the request's own `Host` (the scheme may differ behind a TLS-terminating proxy) or one of the
 * configured `allowedOrigins`. A missing or foreign origin is refused with 403 before the body is parsed
 * or any handler runs — SameSite cookies alone do not stop same-site subdomains or `text/plain` forms.
 * Scripts and integrations send `Origin: <the server's own URL>`.
 */
export function registerCrossSiteGuard(app: FastifyInstance, options: { allowedOrigins: readonly string[] }): void {
  const allowedHosts = new Set(options.allowedOrigins.map(hostOf).filter((host): host is string => host !== null));
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!stateChanging.has(request.method)) return;
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite === 'same-origin') return;
    const origin = request.headers.origin;
    const originHost = typeof origin === 'string' && fetchSite === undefined ? hostOf(origin) : null;
    const ownHost = request.headers.host ? hostOf(`http://${request.headers.host}`) : null;
    if (originHost !== null && (originHost === ownHost || allowedHosts.has(originHost))) return;
    request.log.warn({ kind: 'CROSS_SITE_REQUEST', method: request.method }, 'refused a state-changing request from another site');
    return reply.status(403).send({
      error: {
        code: 'FORBIDDEN',
        message: 'State-changing requests must come from this site (Origin)',
        details: { reason: 'CROSS_SITE_REQUEST' },
      },
    });
  });
}
