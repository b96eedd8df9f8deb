// The result panel's webview script (bundled to media/panel.js). It says `ready`, then paints whatever model
// the host posts, using DOM APIs only (textContent / createElement): response data never becomes markup.
// In development and test builds it reports back what it painted (`rendered`) so integration tests check the real DOM.
import { button, el, fmt } from './dom';
import { send, vscode } from './host';
import { channelsSection, detailsSection, errorSection, header, label, painted, rawSection, verifySection, windowText } from './sections';
import { relative } from './time';
import type { AutoRefreshView, HostMessage, PanelModel, PanelState } from '../shared/resultPanelMessages';

let auto: AutoRefreshView = { state: 'off' };
let dueAt = 0;

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
    r.textContent = `(${relative(r.dataset.iso ?? '', painted.model?.locale)})`;
  }
  const w = document.getElementById('window');
  if (w) w.textContent = windowText();
}

/** Development and test builds: tells the host what was painted (real DOM text, for the tests). The production
 *  build leaves it out: reading innerText forces a layout on every paint. */
function report(): void {
  if (!__TEST_HOOKS__ || !painted.model) return;
  const sections: Record<string, string> = {};
  for (const s of document.querySelectorAll<HTMLElement>('[data-section]')) sections[s.dataset.section ?? ''] = s.innerText;
  const raw = document.querySelector('.section-raw pre');
  if (raw) sections.rawJson = raw.textContent ?? '';
  send({
    type: 'rendered',
    report: {
      referenceId: painted.model.referenceId,
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
  painted.model = m;
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
  app.setAttribute('aria-busy', String(painted.busy));
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
      painted.busy = msg.busy;
      const r = document.getElementById('refresh') as HTMLButtonElement | null;
      if (r) r.disabled = painted.busy;
      document.getElementById('app')?.setAttribute('aria-busy', String(painted.busy));
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
