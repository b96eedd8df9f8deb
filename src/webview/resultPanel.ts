// The result panel's webview script (bundled to media/panel.js). It says `ready`, then paints whatever model
// the host posts, using DOM APIs only (textContent / createElement): response data never becomes markup.
// In development and test builds it reports back what it painted (`rendered`) so integration tests check the real DOM.
import type { AutoRefreshView, Badge, ChannelView, DetailRow, ExplanationView, HostMessage, PanelLabelKey, PanelModel, PanelShell, PanelState, TimeView, VerifyView, WebviewMessage } from '../shared/resultPanelMessages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const send = (m: WebviewMessage): void => vscode.postMessage(m);

let model: PanelModel | undefined;
let auto: AutoRefreshView = { state: 'off' };
let dueAt = 0;
let busy = false;

// ---- small DOM helpers ----------------------------------------------------------------------------------

type Child = Node | string | undefined | false;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
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

function fmt(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

const label = (key: PanelLabelKey): string => model?.labels[key] ?? key;

function button(text: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}

// Icons: our own simple 16×16 shapes, drawn as inline SVG (no images, no fonts, nothing to fetch).
const SVG = 'http://www.w3.org/2000/svg';
const ICONS: Record<string, string> = {
  check: 'M6.3 11.6 2.7 8l1-1 2.6 2.6 6-6 1 1z',
  cross: 'M8 7 4.5 3.5l-1 1L7 8l-3.5 3.5 1 1L8 9l3.5 3.5 1-1L9 8l3.5-3.5-1-1z',
  clock: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm0 1.3a5.2 5.2 0 1 1 0 10.4A5.2 5.2 0 0 1 8 2.8zM7.4 4v4.3l3.2 2 .7-1.1-2.6-1.6V4z',
  warning: 'M8 1.5 1 14h14zm0 2.7L13 12.8H3zM7.4 6v3.8h1.2V6zm0 4.8V12h1.2v-1.2z',
  question: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm0 1.3a5.2 5.2 0 1 1 0 10.4A5.2 5.2 0 0 1 8 2.8zM8 4a2.2 2.2 0 0 0-2.2 2.2h1.2a1 1 0 1 1 1.6.8c-.6.4-1.2.9-1.2 1.9v.4h1.2v-.3c0-.5.3-.7.8-1.1A2.2 2.2 0 0 0 8 4zm-.6 6.6v1.3h1.3v-1.3z',
  ban: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM2.8 8c0-1.2.4-2.3 1.1-3.2l7.3 7.3A5.2 5.2 0 0 1 2.8 8zm9.3 3.2L4.8 3.9a5.2 5.2 0 0 1 7.3 7.3z',
};
function icon(name: keyof typeof ICONS): SVGSVGElement {
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

const BADGE_ICON: Record<Badge, keyof typeof ICONS> = { delivered: 'check', 'in-progress': 'clock', failed: 'cross', error: 'warning', unknown: 'question' };
const VERIFY_ICON: Record<VerifyView, keyof typeof ICONS> = { valid: 'check', invalid: 'cross', expired: 'clock', 'max-attempts': 'ban', unknown: 'question', absent: 'question' };

function badge(kind: Badge, text: string): HTMLElement {
  return el('span', { class: `badge badge-${kind}` }, icon(BADGE_ICON[kind]), el('span', {}, text));
}

// ---- time ----------------------------------------------------------------------------------------------

function relative(iso: string): string {
  const diff = Date.parse(iso) - Date.now();
  const abs = Math.abs(diff);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [['day', 86400000], ['hour', 3600000], ['minute', 60000], ['second', 1000]];
  const [unit, size] = units.find(([, s]) => abs >= s) ?? ['second', 1000];
  try {
    return new Intl.RelativeTimeFormat(model?.locale, { numeric: 'auto' }).format(Math.round(diff / size), unit);
  } catch {
    return '';
  }
}

function duration(ms: number): string {
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const unit = (n: number, u: string) => {
    try {
      return new Intl.NumberFormat(model?.locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
    } catch {
      return `${n} ${u}`;
    }
  };
  return h > 0 ? `${unit(h, 'hour')} ${unit(m, 'minute')}` : unit(Math.max(m, 1), 'minute');
}

function timeNode(t: TimeView): HTMLElement {
  return el('time', { datetime: t.iso, title: t.iso }, t.local, ' ', el('span', { class: 'relative', 'data-iso': t.iso }, `(${relative(t.iso)})`));
}

function windowText(): string {
  if (!model?.windowEndsAt) return '';
  const left = Date.parse(model.windowEndsAt) - Date.now();
  return left > 0 ? fmt(label('windowLeft'), duration(left)) : label('windowClosed');
}

// ---- sections ------------------------------------------------------------------------------------------

function section(name: string, heading: string | undefined, ...children: Child[]): HTMLElement {
  const id = `h-${name}`;
  return el('section', { class: `section section-${name}`, 'data-section': name, ...(heading ? { 'aria-labelledby': id } : {}) }, heading ? el('h2', { id }, heading) : undefined, ...children);
}

function explanation(e: ExplanationView | undefined): HTMLElement | undefined {
  if (!e) return undefined;
  return el(
    'div',
    { class: 'explanation' },
    el('p', {}, e.text),
    e.action ? el('p', { class: 'next' }, el('strong', {}, `${label('whatNext')}: `), e.action) : undefined,
    el('p', { class: 'muted' }, e.family ? `${e.finality} ${fmt(label('family'), e.family)}` : e.finality),
    e.otherMeanings > 0 ? el('p', { class: 'muted' }, fmt(label('otherMeanings'), e.otherMeanings)) : undefined,
  );
}

function toolbar(m: PanelModel): HTMLElement {
  const refresh = button(label('refresh'), () => send({ type: 'refresh' }), { id: 'refresh' });
  refresh.disabled = busy;
  const curl = (shell: PanelShell) => button(label(shell), () => send({ type: 'copy-curl', shell }), { class: 'secondary', 'aria-label': `${label('copyCurl')} (${label(shell)})` });
  return el(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': label('actions') },
    refresh,
    m.canVerify ? button(label('verify'), () => send({ type: 'verify' }), { class: 'secondary' }) : undefined,
    el('span', { class: 'group', role: 'group', 'aria-label': label('copyCurl') }, el('span', { class: 'group-label' }, `${label('copyCurl')}:`), curl('bash'), curl('powershell'), curl('cmd')),
    button(label('copyJson'), () => send({ type: 'copy-json' }), { class: 'secondary' }),
    m.code !== '—' ? button(label('openDocs'), () => send({ type: 'open-docs' }), { class: 'secondary' }) : undefined,
  );
}

function header(m: PanelModel): HTMLElement {
  return section(
    'header',
    undefined,
    el('div', { class: 'title-row' }, el('h1', {}, el('span', { class: 'code' }, m.code), ' ', el('span', { class: 'description' }, m.description)), badge(m.badge, m.badgeLabel)),
    explanation(m.explanation),
    el('div', { class: 'auto-refresh', id: 'auto', role: 'status', 'aria-live': 'polite' }),
    toolbar(m),
    el('p', { class: 'notice', id: 'notice', role: 'status', 'aria-live': 'polite' }),
  );
}

function errorSection(m: PanelModel): HTMLElement | undefined {
  const e = m.error;
  if (!e) return undefined;
  return section(
    'error',
    label('error'),
    el('p', { class: 'error-kind' }, icon('warning'), el('strong', {}, e.kind)),
    el('p', {}, e.message),
    e.code ? el('p', {}, el('span', { class: 'code' }, e.code), ' ', e.description ?? '') : undefined,
    explanation(e.explanation),
    e.hint ? el('p', { class: 'muted' }, e.hint) : undefined,
    e.actions.length ? el('div', { class: 'toolbar' }, ...e.actions.map((a) => button(a.label, () => send({ type: 'error-action', action: a.action })))) : undefined,
    e.signatureString !== undefined ? el('div', {}, el('h3', {}, label('signature')), el('pre', {}, el('code', {}, e.signatureString))) : undefined,
    e.bodyPreview !== undefined ? el('div', {}, el('h3', {}, label('bodyPreview')), el('pre', {}, el('code', {}, e.bodyPreview))) : undefined,
  );
}

function verifySection(m: PanelModel): HTMLElement | undefined {
  if (m.error && m.verify.view === 'absent') return undefined;
  const v = m.verify;
  return section(
    'verify',
    label('verification'),
    el('p', { class: `verify verify-${v.view}` }, icon(VERIFY_ICON[v.view]), el('span', {}, v.label)),
    v.reason ? el('p', { class: 'reason' }, v.reason) : undefined,
    v.codeEntered ? el('p', {}, `${label('codeEntered')}: `, el('code', {}, v.codeEntered)) : undefined,
  );
}

function channelItem(c: ChannelView): HTMLElement {
  return el(
    'li',
    { class: `channel channel-${c.badge}` },
    el('span', { class: 'dot', 'aria-hidden': 'true' }),
    el('div', { class: 'channel-body' }, el('div', { class: 'channel-head' }, el('strong', {}, c.channel), ' ', el('span', { class: 'code' }, c.code), ' ', c.description), c.time ? el('div', { class: 'muted' }, timeNode(c.time)) : c.timeRaw ? el('div', { class: 'muted' }, c.timeRaw) : undefined),
  );
}

function channelsSection(m: PanelModel): HTMLElement | undefined {
  if (m.error) return undefined;
  return section('channels', label('channels'), m.channels.length ? el('ol', { class: 'timeline' }, ...m.channels.map(channelItem)) : el('p', { class: 'muted' }, label('noChannels')));
}

function detailRow(r: DetailRow): Node[] {
  return [el('dt', {}, r.label), el('dd', { 'data-key': r.key, ...(r.mono ? { class: 'mono' } : {}) }, r.time ? timeNode(r.time) : r.value)];
}

function detailsSection(m: PanelModel): HTMLElement {
  return section('details', label('details'), el('dl', {}, ...m.details.flatMap(detailRow)), m.windowEndsAt ? el('p', { class: 'window', id: 'window' }, windowText()) : undefined);
}

function rawSection(m: PanelModel): HTMLElement {
  return section(
    'raw',
    undefined,
    el('details', {}, el('summary', {}, label('raw')), el('div', { class: 'toolbar' }, button(label('copyJson'), () => send({ type: 'copy-json' }), { class: 'secondary' })), el('pre', { tabindex: '0' }, el('code', {}, m.rawJson))),
  );
}

// ---- painting -----------------------------------------------------------------------------------------

function paintAuto(): void {
  const box = document.getElementById('auto');
  if (!box) return;
  let text = '';
  if (auto.state === 'scheduled') text = fmt(label('nextRefresh'), Math.max(0, Math.ceil((dueAt - Date.now()) / 1000)), auto.attempt);
  else if (auto.state === 'running') text = label('refreshing');
  else if (auto.state === 'stopped') text = label('refreshStopped');
  const textNode = box.querySelector('.auto-text');
  const stopNeeded = auto.state === 'scheduled' || auto.state === 'running';
  if (textNode && !!box.querySelector('#stop') === stopNeeded) {
    textNode.textContent = text;
    return;
  }
  const kids: Node[] = [el('span', { class: 'auto-text' }, text)];
  if (stopNeeded) kids.push(button(label('stop'), () => send({ type: 'stop-auto-refresh' }), { id: 'stop', class: 'secondary' }));
  box.replaceChildren(...kids);
}

function tick(): void {
  if (auto.state === 'scheduled') {
    const textNode = document.querySelector('#auto .auto-text');
    if (textNode) textNode.textContent = fmt(label('nextRefresh'), Math.max(0, Math.ceil((dueAt - Date.now()) / 1000)), auto.attempt);
  }
  for (const r of document.querySelectorAll<HTMLElement>('.relative[data-iso]')) r.textContent = `(${relative(r.dataset.iso ?? '')})`;
  const w = document.getElementById('window');
  if (w) w.textContent = windowText();
}

/** Development and test builds: tells the host what was painted (real DOM text, for the tests). The production
 *  build leaves it out: reading innerText forces a layout on every paint. */
function report(): void {
  if (!__TEST_HOOKS__ || !model) return;
  const sections: Record<string, string> = {};
  for (const s of document.querySelectorAll<HTMLElement>('[data-section]')) sections[s.dataset.section ?? ''] = s.innerText;
  const raw = document.querySelector('.section-raw pre');
  if (raw) sections.rawJson = raw.textContent ?? '';
  send({
    type: 'rendered',
    report: {
      referenceId: model.referenceId,
      text: document.body.innerText.slice(0, 60000),
      sections,
      imgCount: document.querySelectorAll('img').length,
      scriptCount: document.querySelectorAll('#app script').length, // VS Code injects its own script into the page; count where data is painted
      buttons: [...document.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''),
      savedState: JSON.stringify(vscode.getState() ?? null).slice(0, 16_000),
    },
  });
}

function render(m: PanelModel, state: PanelState): void {
  model = m;
  vscode.setState(state);
  const app = document.getElementById('app');
  if (!app) return;
  const openRaw = app.querySelector<HTMLDetailsElement>('.section-raw details')?.open ?? false;
  app.replaceChildren(...[header(m), errorSection(m), verifySection(m), channelsSection(m), detailsSection(m), rawSection(m)].filter((s): s is HTMLElement => s !== undefined));
  const raw = app.querySelector<HTMLDetailsElement>('.section-raw details');
  if (raw) raw.open = openRaw;
  app.setAttribute('aria-busy', String(busy));
  paintAuto();
  report();
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const msg = event.data;
  if (typeof msg !== 'object' || msg === null) return;
  switch (msg.type) {
    case 'render':
      render(msg.model, msg.state);
      return;
    case 'auto-refresh':
      auto = msg.view;
      if (auto.state === 'scheduled') dueAt = Date.now() + auto.delayMs;
      paintAuto();
      report();
      return;
    case 'busy': {
      busy = msg.busy;
      const r = document.getElementById('refresh') as HTMLButtonElement | null;
      if (r) r.disabled = busy;
      document.getElementById('app')?.setAttribute('aria-busy', String(busy));
      return;
    }
    case 'notice': {
      const n = document.getElementById('notice');
      if (n) n.textContent = msg.text;
      return;
    }
  }
});

setInterval(tick, 1000);
send({ type: 'ready' });
