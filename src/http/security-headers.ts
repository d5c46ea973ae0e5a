import type { NextFunction, Request, Response } from 'express';

/**
 * Headers every answer carries. Pages (protocols, the API docs) are documents with no
 * third-party content: nothing may frame them, sniff their type or load from elsewhere.
 */
const COMMON: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Nothing leaves the site; within it, browsers send the real Origin on a form post (under
  // no-referrer Chromium sends "Origin: null", and the clerk forms' origin check refuses it).
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** Strict for everything; the API docs (Swagger UI) need their own scripts and inline styles. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const DOCS_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The web pages (src/web/): their own stylesheet and script from this server, forms posting back here; nothing inline. */
const WEB_CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const WEB_PREFIXES = ['/grupper', '/personer', '/moten', '/beslut', '/ekonomi', '/granskning', '/sok', '/assets', '/registrera', '/logga-in', '/logga-ut'];

export function isWebPage(path: string): boolean {
  return path === '/' || WEB_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  response.set(COMMON);
  response.set('Content-Security-Policy', request.path.startsWith('/api-docs') ? DOCS_CSP : isWebPage(request.path) ? WEB_CSP : CSP);
  next();
}
