// The result panel's sections, built from the model with DOM APIs only: header with the toolbar, error,
// verification, channels, details, raw JSON. `painted` is what the script last painted (main: resultPanel.ts).
import { badge, button, el, fmt, icon, VERIFY_ICON } from './dom';
import type { Child } from './dom';
import { send } from './host';
import { duration, relative } from './time';
import type {
  ChannelView,
  DetailRow,
  ExplanationView,
  PanelLabelKey,
  PanelModel,
  PanelShell,
  TimeView,
} from '../shared/resultPanelMessages';

export const painted: { model: PanelModel | undefined; busy: boolean } = { model: undefined, busy: false };

export const label = (key: PanelLabelKey): string => painted.model?.labels[key] ?? key;

// ---- time ----------------------------------------------------------------------------------------------

function timeNode(t: TimeView): HTMLElement {
  return el(
    'time',
    { datetime: t.iso, title: t.iso },
    t.local,
    ' ',
    el('span', { class: 'relative', 'data-iso': t.iso }, `(${relative(t.iso, painted.model?.locale)})`),
  );
}

export function windowText(): string {
  if (!painted.model?.windowEndsAt) return '';
  const left = Date.parse(painted.model.windowEndsAt) - Date.now();
  return left > 0 ? fmt(label('windowLeft'), duration(left, painted.model?.locale)) : label('windowClosed');
}

// ---- sections ------------------------------------------------------------------------------------------

export function section(name: string, heading: string | undefined, ...children: Child[]): HTMLElement {
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
  refresh.disabled = painted.busy;
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
    m.canFinalize ? button(label('finalize'), () => send({ type: 'finalize' }), { class: 'secondary' }) : undefined,
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
    m.statusPage ? button(label('statusPage'), () => send({ type: 'open-status-page' }), { class: 'secondary' }) : undefined,
  );
}

export function header(m: PanelModel): HTMLElement {
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
    m.statusPage ? el('p', { class: 'status-page' }, icon('warning'), ' ', m.statusPage) : undefined,
    toolbar(m),
    el('p', { class: 'notice', id: 'notice', role: 'status', 'aria-live': 'polite' }),
  );
}

export function errorSection(m: PanelModel): HTMLElement | undefined {
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

export function verifySection(m: PanelModel): HTMLElement | undefined {
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

export function channelsSection(m: PanelModel): HTMLElement | undefined {
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

export function detailsSection(m: PanelModel): HTMLElement {
  return section(
    'details',
    label('details'),
    el('dl', {}, ...m.details.flatMap(detailRow)),
    m.windowEndsAt ? el('p', { class: 'window', id: 'window' }, windowText()) : undefined,
  );
}

export function rawSection(m: PanelModel): HTMLElement {
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
