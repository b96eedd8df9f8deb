// The result panel's webview script (bundled to media/panel.js). It says `ready`, then paints whatever model
// the host posts, using DOM APIs only (textContent / createElement): response data never becomes markup.
// In development and test builds it reports back what it painted (`rendered`) so integration tests check the real DOM.
import { badge, button, el, fmt, icon, VERIFY_ICON } from './dom';
import type { Child } from './dom';
import { duration, relative } from './time';
import type {
  AutoRefreshView,
  ChannelView,
  DetailRow,
  ExplanationView,
  HostMessage,
  PanelLabelKey,
  PanelModel,
  PanelShell,
  PanelState,
  TimeView,
  WebviewMessage,
} from '../shared/resultPanelMessages';

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

const label = (key: PanelLabelKey): string => model?.labels[key] ?? key;

// ---- time ----------------------------------------------------------------------------------------------

function timeNode(t: TimeView): HTMLElement {
  return el(
    'time',
    { datetime: t.iso, title: t.iso },
    t.local,
    ' ',
    el('span', { class: 'relative', 'data-iso': t.iso }, `(${relative(t.iso, model?.locale)})`),
  );
}

function windowText(): string {
  if (!model?.windowEndsAt) return '';
  const left = Date.parse(model.windowEndsAt) - Date.now();
  return left > 0 ? fmt(label('windowLeft'), duration(left, model?.locale)) : label('windowClosed');
}

// ---- sections ------------------------------------------------------------------------------------------

function section(name: string, heading: string | undefined, ...children: Child[]): HTMLElement {
  const id = `h-${name}`;
  return el(
    'section',
    { class: `section section-${name}`, 'data-section': name, ...(heading ? { 'aria-labelledby': id } : {}) },
    heading ? el('h2', { id }, heading) : undefined,
    ...children,
  );
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
  const curl = (shell: PanelShell) =>
    button(label(shell), () => send({ type: 'copy-curl', shell }), {
      class: 'secondary',
      'aria-label': `${label('copyCurl')} (${label(shell)})`,
    });
  return el(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': label('actions') },
    refresh,
    m.canVerify ? button(label('verify'), () => send({ type: 'verify' }), { class: 'secondary' }) : undefined,
    el(
      'span',
      { class: 'group', role: 'group', 'aria-label': label('copyCurl') },
      el('span', { class: 'group-label' }, `${label('copyCurl')}:`),
      curl('bash'),
      curl('powershell'),
      curl('cmd'),
    ),
    button(label('copyJson'), () => send({ type: 'copy-json' }), { class: 'secondary' }),
    m.code !== '—' ? button(label('openDocs'), () => send({ type: 'open-docs' }), { class: 'secondary' }) : undefined,
  );
}

function header(m: PanelModel): HTMLElement {
  return section(
    'header',
    undefined,
    el(
      'div',
      { class: 'title-row' },
      el('h1', {}, el('span', { class: 'code' }, m.code), ' ', el('span', { class: 'description' }, m.description)),
      badge(m.badge, m.badgeLabel),
    ),
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
    e.actions.length
      ? el('div', { class: 'toolbar' }, ...e.actions.map((a) => button(a.label, () => send({ type: 'error-action', action: a.action }))))
      : undefined,
    e.signatureString !== undefined
      ? el('div', {}, el('h3', {}, label('signature')), el('pre', {}, el('code', {}, e.signatureString)))
      : undefined,
    e.bodyPreview !== undefined
      ? el('div', {}, el('h3', {}, label('bodyPreview')), el('pre', {}, el('code', {}, e.bodyPreview)))
      : undefined,
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
    el(
      'div',
      { class: 'channel-body' },
      el('div', { class: 'channel-head' }, el('strong', {}, c.channel), ' ', el('span', { class: 'code' }, c.code), ' ', c.description),
      c.time ? el('div', { class: 'muted' }, timeNode(c.time)) : c.timeRaw ? el('div', { class: 'muted' }, c.timeRaw) : undefined,
    ),
  );
}

function channelsSection(m: PanelModel): HTMLElement | undefined {
  if (m.error) return undefined;
  return section(
    'channels',
    label('channels'),
    m.channels.length ? el('ol', { class: 'timeline' }, ...m.channels.map(channelItem)) : el('p', { class: 'muted' }, label('noChannels')),
  );
}

function detailRow(r: DetailRow): Node[] {
  return [
    el('dt', {}, r.label),
    el('dd', { 'data-key': r.key, ...(r.mono ? { class: 'mono' } : {}) }, r.time ? timeNode(r.time) : r.value),
  ];
}

function detailsSection(m: PanelModel): HTMLElement {
  return section(
    'details',
    label('details'),
    el('dl', {}, ...m.details.flatMap(detailRow)),
    m.windowEndsAt ? el('p', { class: 'window', id: 'window' }, windowText()) : undefined,
  );
}

function rawSection(m: PanelModel): HTMLElement {
  return section(
    'raw',
    undefined,
    el(
      'details',
      {},
      el('summary', {}, label('raw')),
      el(
        'div',
        { class: 'toolbar' },
        button(label('copyJson'), () => send({ type: 'copy-json' }), { class: 'secondary' }),
      ),
      el('pre', { tabindex: '0' }, el('code', {}, m.rawJson)),
    ),
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
  for (const r of document.querySelectorAll<HTMLElement>('.relative[data-iso]')) {
    r.textContent = `(${relative(r.dataset.iso ?? '', model?.locale)})`;
  }
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
  app.replaceChildren(
    ...[header(m), errorSection(m), verifySection(m), channelsSection(m), detailsSection(m), rawSection(m)].filter(
      (s): s is HTMLElement => s !== undefined,
    ),
  );
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
