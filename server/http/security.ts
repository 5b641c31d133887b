// Security headers for every HTTP response (helmet), with one Content-Security-Policy for the pages: the
// policy here, whose script-src SvelteKit replaces on each page with 'self' plus the hash of that page's
// inline start-up script (kit.csp in svelte.config.js). The server is plain http on a classroom LAN, so no
// HSTS and no upgrade-insecure-requests (they would break every phone on the LAN address).
import type { RequestHandler } from 'express';
import helmet from 'helmet';

const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Svelte sets style attributes and custom properties in the markup.
  styleSrc: ["'self'", "'unsafe-inline'"],
  // The page icon is an empty data: URL; charts and QR codes draw on canvases.
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  // 'self' covers the game's WebSocket on the same host and port (CSP level 3).
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  scriptSrcAttr: ["'none'"],
  upgradeInsecureRequests: null,
};

const CSP = 'content-security-policy';

/** The policy `base` with every directive that `page` names replaced by the page's. */
export function mergePolicies(base: string, page: string): string {
  const parse = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .filter(([name]) => name)
        .map(([name, ...sources]) => [name!.toLowerCase(), sources.join(' ')] as const),
    );
  const merged = parse(base);
  for (const [name, sources] of parse(page)) merged.set(name, sources);
  return [...merged].map(([name, sources]) => (sources ? `${name} ${sources}` : name)).join('; ');
}

/** helmet with our policy, then a hook that folds a page's own CSP header (SvelteKit's hashes) into it. */
export function securityHeaders(): RequestHandler[] {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'sameorigin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const mergePagePolicy: RequestHandler = (_req, res, next) => {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name: string, value: number | string | readonly string[]) => {
      const base = res.getHeader(CSP);
      if (name.toLowerCase() === CSP && typeof base === 'string') return setHeader(name, mergePolicies(base, String(value)));
      return setHeader(name, value);
    };
    // A 304 updates the headers a browser cached with the page. SvelteKit sets no policy on a 304, so ours
    // would replace the page's (with its start-up script's hash) and the reloaded page would stay blank: a 304
    // carries no policy, and the cached page keeps its own.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
    res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
      if (statusCode === 304) res.removeHeader(CSP);
      return writeHead(statusCode, ...rest);
    }) as typeof res.writeHead;
    next();
  };
  return [headers, mergePagePolicy];
}
