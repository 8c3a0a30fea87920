/**
 * Builds the Content Security Policy of every page. Scripts need this request's nonce, and
 * 'strict-dynamic' lets them load the app's own chunks. Everything else comes from this origin
 * only. Styles allow inline attributes because React and the chart library set `style` on
 * elements; they still cannot load from another origin. `next dev` also needs eval for its
 * hot reloading.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}
