// DOM helpers of the result panel's webview: elements built with createElement and text nodes only (never
// markup from data), buttons, our own inline SVG icons and the badges.
import type { Badge, VerifyView } from '../shared/resultPanelMessages';

export type Child = Node | string | undefined | false;
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === undefined || c === false) continue;
    e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

export function fmt(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

export function button(text: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}

// Icons: our own simple 16×16 shapes, drawn as inline SVG (no images, no fonts, nothing to fetch).
const SVG = 'http://www.w3.org/2000/svg';
export const ICONS: Record<string, string> = {
  check: 'M6.3 11.6 2.7 8l1-1 2.6 2.6 6-6 1 1z',
  cross: 'M8 7 4.5 3.5l-1 1L7 8l-3.5 3.5 1 1L8 9l3.5 3.5 1-1L9 8l3.5-3.5-1-1z',
  clock: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm0 1.3a5.2 5.2 0 1 1 0 10.4A5.2 5.2 0 0 1 8 2.8zM7.4 4v4.3l3.2 2 .7-1.1-2.6-1.6V4z',
  warning: 'M8 1.5 1 14h14zm0 2.7L13 12.8H3zM7.4 6v3.8h1.2V6zm0 4.8V12h1.2v-1.2z',
  question:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm0 1.3a5.2 5.2 0 1 1 0 10.4A5.2 5.2 0 0 1 8 2.8zM8 4a2.2 2.2 0 0 0-2.2 2.2h1.2a1 1 0 1 1 1.6.8c-.6.4-1.2.9-1.2 1.9v.4h1.2v-.3c0-.5.3-.7.8-1.1A2.2 2.2 0 0 0 8 4zm-.6 6.6v1.3h1.3v-1.3z',
  ban: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM2.8 8c0-1.2.4-2.3 1.1-3.2l7.3 7.3A5.2 5.2 0 0 1 2.8 8zm9.3 3.2L4.8 3.9a5.2 5.2 0 0 1 7.3 7.3z',
};
export function icon(name: keyof typeof ICONS): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill-rule', 'evenodd');
  svg.append(path);
  return svg;
}

const BADGE_ICON: Record<Badge, keyof typeof ICONS> = {
  delivered: 'check',
  'in-progress': 'clock',
  failed: 'cross',
  error: 'warning',
  unknown: 'question',
};
export const VERIFY_ICON: Record<VerifyView, keyof typeof ICONS> = {
  valid: 'check',
  invalid: 'cross',
  expired: 'clock',
  'max-attempts': 'ban',
  unknown: 'question',
  absent: 'question',
};

export function badge(kind: Badge, text: string): HTMLElement {
  return el('span', { class: `badge badge-${kind}` }, icon(BADGE_ICON[kind]), el('span', {}, text));
}
