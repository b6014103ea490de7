// The calculator webview's HTML shell. Generated once per panel; all data then travels by postMessage.
// No `vscode` import: the browser tests render the very same shell around the built bundle.

export interface ShellOptions {
  /** `webview.cspSource`: the origin that serves the bundle and the stylesheet. */
  cspSource: string;
  /** A fresh random nonce for the one script tag. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  locale: 'en' | 'zh-cn';
  title: string;
  loading: string;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Content-Security-Policy: nothing by default; the bundle only by nonce; no network at all. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderShell(o: ShellOptions): string {
  const lang = o.locale === 'zh-cn' ? 'zh-CN' : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${esc(o.styleUri)}">
<title>${esc(o.title)}</title>
</head>
<body data-locale="${o.locale}">
<div id="app" class="app" aria-busy="true"><p class="loading">${esc(o.loading)}</p></div>
<script nonce="${esc(o.nonce)}" src="${esc(o.scriptUri)}"></script>
</body>
</html>`;
}

/** 32 hex characters from a cryptographic source (Web Crypto exists in Node 20 and in the browser extension host). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
