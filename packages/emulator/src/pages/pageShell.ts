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

/**
 * A page of one sheet under the emulator's header and a title, with no script: the checkout's error pages
 * and the 3-D Secure step.
 */
export function sheetPage(
  status: number,
  title: string,
  body: SafeHtml,
  options: { frameAncestors: string },
): Response {
  const sheet = html`<div class="backdrop"><main class="sheet" aria-labelledby="title">
  <div class="sheet-head"><span class="brand">Lava</span><span class="badge">Emulator · test mode</span></div>
  <h1 id="title">${title}</h1>
  ${body}
</main></div>`;
  return htmlResponse(pageShell({ title, bodyClass: 'checkout', body: sheet }), status, options);
}
