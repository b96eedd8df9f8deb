// The allow-list of messages the result panel's webview may send. Anything else is dropped: the webview
// renders response data, so it is treated as untrusted and can only ask for a fixed set of actions.
import type { PanelErrorAction, PanelShell, RenderReport, WebviewMessage } from '../../shared/resultPanelMessages';

const SHELLS: readonly PanelShell[] = ['bash', 'powershell', 'cmd'];
const ERROR_ACTIONS: readonly PanelErrorAction[] = ['set-credentials', 'retry', 'open-docs', 'select-profile'];
const MAX_REPORT_TEXT = 64 * 1024;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = MAX_REPORT_TEXT): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function parseRendered(report: unknown): WebviewMessage | undefined {
  const parsed = parseReport(report);
  return parsed ? { type: 'rendered', report: parsed } : undefined;
}

function parseReport(v: unknown): RenderReport | undefined {
  if (!isObj(v) || !isStr(v.referenceId, 200) || !isStr(v.text) || !isCount(v.imgCount) || !isCount(v.scriptCount)) return undefined;
  if (!isObj(v.sections) || !Array.isArray(v.buttons)) return undefined;
  const sections: Record<string, string> = {};
  for (const [k, s] of Object.entries(v.sections)) {
    if (!isStr(k, 40) || !isStr(s)) return undefined;
    sections[k] = s;
  }
  const buttons = v.buttons.filter((b): b is string => isStr(b, 200)).slice(0, 100);
  const savedState = isStr(v.savedState, 16_000) ? { savedState: v.savedState } : {};
  return { referenceId: v.referenceId, text: v.text, sections, imgCount: v.imgCount, scriptCount: v.scriptCount, buttons, ...savedState };
}

/** The message as a typed command, or undefined when it is not on the allow-list or malformed. */
export function parseWebviewMessage(v: unknown): WebviewMessage | undefined {
  if (!isObj(v) || typeof v.type !== 'string') return undefined;
  switch (v.type) {
    case 'ready':
    case 'refresh':
    case 'stop-auto-refresh':
    case 'verify':
    case 'finalize':
    case 'copy-json':
    case 'open-docs':
    case 'open-status-page':
      return { type: v.type };
    case 'copy-curl':
      return SHELLS.includes(v.shell as PanelShell) ? { type: 'copy-curl', shell: v.shell as PanelShell } : undefined;
    case 'error-action':
      return ERROR_ACTIONS.includes(v.action as PanelErrorAction)
        ? { type: 'error-action', action: v.action as PanelErrorAction }
        : undefined;
    default:
      // Only development and test builds' webviews report their paint; the production build drops this.
      return __TEST_HOOKS__ && v.type === 'rendered' ? parseRendered(v.report) : undefined;
  }
}

/** A short, safe description of a rejected message for the debug log (never its full content). */
export function describeRejected(v: unknown): string {
  if (!isObj(v)) return typeof v;
  const type = typeof v.type === 'string' ? v.type.slice(0, 40).replace(/[^\w.-]/g, '?') : typeof v.type;
  return `type=${type}`;
}
