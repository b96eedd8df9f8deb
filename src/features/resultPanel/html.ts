// The result panel's HTML shell: a strict CSP, the stylesheet and script from media/ with a fresh nonce,
// and no response data at all (data arrives by postMessage after the webview says `ready`).
import { randomBytes } from 'crypto';
import type * as vscode from 'vscode';

export function nonce(): string {
  return randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, scriptNonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${scriptNonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export interface ShellStrings {
  readonly lang: string;
  readonly title: string;
  readonly loading: string;
}

// Attributes are double-quoted, so single quotes (the CSP's 'none', 'self', 'nonce-…') stay as they are.
const escapeAttr = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page of a webview of ours: `assets` names its script and stylesheet in media/ (the result panel's by
 *  default); media/controls.css, the buttons both pages share, comes first. */
export function panelHtml(
  webview: vscode.Webview,
  mediaRoot: vscode.Uri,
  strings: ShellStrings,
  uri: typeof vscode.Uri,
  assets = { script: 'panel.js', style: 'panel.css' },
): string {
  const n = nonce();
  const script = webview.asWebviewUri(uri.joinPath(mediaRoot, assets.script)).toString();
  const style = webview.asWebviewUri(uri.joinPath(mediaRoot, assets.style)).toString();
  const controls = webview.asWebviewUri(uri.joinPath(mediaRoot, 'controls.css')).toString();
  return `<!DOCTYPE html>
<html lang="${escapeAttr(strings.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(webview.cspSource, n))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(controls)}">
<link rel="stylesheet" href="${escapeAttr(style)}">
<title>${escapeAttr(strings.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading" role="status">${escapeAttr(strings.loading)}</p></main>
<script nonce="${n}" src="${escapeAttr(script)}"></script>
</body>
</html>`;
}
