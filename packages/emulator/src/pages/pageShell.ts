// The document around every page, and the headers every page is served with.
import { html, type SafeHtml } from './html';

export function pageShell(page: { title: string; bodyClass: string; body: SafeHtml }): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${page.title}</title>
<link rel="stylesheet" href="/_emulator/pages.css">
</head>
<body class="${page.bodyClass}">
${page.body}
</body>
</html>
`;
}

/**
 * An HTML response with a strict Content-Security-Policy: scripts, styles and requests only from the
 * emulator's own origin (no inline script, nothing from a CDN), and `frame-ancestors` as given.
 */
export function htmlResponse(doc: SafeHtml, status: number, options: { frameAncestors: string }): Response {
  return new Response(doc.value, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "base-uri 'none'",
        `frame-ancestors ${options.frameAncestors}`,
      ].join('; '),
    },
  });
}
