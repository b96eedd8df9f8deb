// The batch results table (bundled to media/batch.js): says `ready`, then paints the rows the host posts with
// DOM APIs only. Columns sort on click (aria-sort says how); the first order puts failures, then transactions
// that are not final yet, first. Each row's reference ID opens its result panel from the stored answer.
import type { BatchHostMessage, BatchLabels, BatchProgressView, BatchRow, BatchWebviewMessage } from '../shared/batchMessages';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();
const send = (m: BatchWebviewMessage): void => vscode.postMessage(m);

let labels: BatchLabels | undefined;
let profile = '';
let rows: readonly BatchRow[] = [];
let progress: BatchProgressView | undefined;
type Key = 'attention' | 'referenceId' | 'status' | 'meaning' | 'final' | 'verify' | 'http' | 'time';
let sort: { key: Key; dir: 1 | -1 } = { key: 'attention', dir: 1 };

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | undefined)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== undefined) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}
const fmt = (t: string, ...a: (string | number)[]): string =>
  t.replace(/\{(\d+)\}/g, (m, i: string) => (a[Number(i)] !== undefined ? String(a[Number(i)]) : m));
const rank = (r: BatchRow): number => (!r.ok ? 0 : r.final === true ? 2 : 1);
const value = (r: BatchRow, k: Key): string | number => {
  switch (k) {
    case 'attention':
      return rank(r);
    case 'referenceId':
      return r.referenceId;
    case 'status':
      return r.statusCode ?? Number.MAX_SAFE_INTEGER;
    case 'meaning':
      return r.meaning || r.errorMessage || '';
    case 'final':
      return rank(r);
    case 'verify':
      return r.verifyState ?? '';
    case 'http':
      return r.httpStatus ?? 0;
    case 'time':
      return r.durationMs;
  }
};

function sorted(): BatchRow[] {
  const order = new Map(rows.map((r, i) => [r.referenceId, i]));
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c * sort.dir || (order.get(a.referenceId) ?? 0) - (order.get(b.referenceId) ?? 0);
  });
}

function stateCell(r: BatchRow): HTMLElement {
  if (!labels) return el('td');
  const [cls, text] = !r.ok
    ? ['failed', labels.failed]
    : r.final === true
      ? ['final', labels.isFinal]
      : r.final === false
        ? ['pending', labels.notFinal]
        : ['pending', labels.unknown];
  return el('td', {}, el('span', { class: `state ${cls}` }, text));
}

function paint(): void {
  const app = document.getElementById('app');
  if (!app || !labels) return;
  const l = labels;
  const head = el('div', { class: 'head' }, el('h1', {}, l.title), el('span', { class: 'muted' }, profile));
  const p = progress;
  const status = p
    ? p.cancelled
      ? fmt(l.cancelled, p.done, p.total)
      : p.finished
        ? fmt(l.finished, p.done, p.rateLimited)
        : fmt(l.progress, p.done, p.total, p.inFlight, p.rateLimited)
    : '';
  const bar = el('div', { class: 'bar' }, el('p', { role: 'status', class: 'progress' }, status));
  if (p && !p.finished) {
    const stop = el('button', { type: 'button' }, l.stop);
    stop.addEventListener('click', () => send({ type: 'stop' }));
    bar.append(stop);
  }
  for (const [format, text] of [
    ['csv', l.exportCsv],
    ['json', l.exportJson],
  ] as const) {
    const b = el('button', { type: 'button', class: 'secondary' }, text);
    b.disabled = rows.length === 0;
    b.addEventListener('click', () => send({ type: 'export', format }));
    bar.append(b);
  }
  const cols: [Key, string][] = [
    ['referenceId', l.columns.referenceId],
    ['status', l.columns.status],
    ['meaning', l.columns.meaning],
    ['final', l.columns.final],
    ['verify', l.columns.verify],
    ['http', l.columns.http],
    ['time', l.columns.time],
  ];
  const tr = el('tr');
  for (const [key, text] of cols) {
    const th = el('th', { scope: 'col', 'aria-sort': sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none' });
    const b = el('button', { type: 'button', class: 'sort' }, text, sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : '');
    b.addEventListener('click', () => {
      sort = sort.key === key ? { key, dir: sort.dir === 1 ? -1 : 1 } : { key, dir: 1 };
      paint();
    });
    th.append(b);
    tr.append(th);
  }
  const body = el('tbody');
  for (const r of sorted()) {
    const open = el('a', { href: '#', class: 'mono', title: l.open }, r.referenceId);
    open.addEventListener('click', (e) => {
      e.preventDefault();
      send({ type: 'open', referenceId: r.referenceId });
    });
    body.append(
      el(
        'tr',
        { class: r.ok ? '' : 'row-failed' },
        el('td', {}, open),
        el('td', { class: 'mono' }, r.statusCode !== null ? String(r.statusCode) : '—'),
        el('td', {}, r.ok ? r.meaning || r.description : `${r.errorKind ?? ''}: ${r.errorMessage ?? ''}`),
        stateCell(r),
        el('td', {}, r.verifyState ?? ''),
        el('td', { class: 'mono' }, r.httpStatus !== null ? String(r.httpStatus) : '—'),
        el('td', { class: 'mono num' }, `${r.durationMs} ms`),
      ),
    );
  }
  app.replaceChildren(head, bar, el('table', {}, el('thead', {}, tr), body));
  app.setAttribute('aria-busy', p && !p.finished ? 'true' : 'false');
}

window.addEventListener('message', (e: MessageEvent<BatchHostMessage>) => {
  const m = e.data;
  if (m.type === 'init') {
    labels = m.labels;
    profile = m.profile;
  } else if (m.type === 'rows') {
    rows = m.rows;
    progress = m.progress;
  }
  paint();
});
send({ type: 'ready' });
