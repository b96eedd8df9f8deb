// Lookups to show in the result panel, shaped like the runner's output for the published example bodies,
// plus a scripted runner and a scheduler whose timers the test fires and counts.
import type * as vscode from 'vscode';
import type { LookupArgs, LookupRunner, ProfileSummary, ShownLookup } from '../../src/features/lookup/contracts';
import type { LookupFailure, LookupSuccess, Shell } from '../../src/core/telesign/types';
import { openResultPanels } from './resultPanels';
import type { Scheduler } from '../../src/features/resultPanel/panels';
import type { OpenResultPanel } from './resultPanels';
import type { RenderReport } from '../../src/shared/resultPanelMessages';
import { waitFor } from './extensionHost';

export const PROFILE: ProfileSummary = { name: 'Simulator', baseUrl: 'http://127.0.0.1:9', auth: 'basic', demo: true };

let counter = 0;
/** A fresh 32-hex reference ID per call, so tests never share a panel. */
export function newRef(): string {
  counter++;
  return (Date.now().toString(16) + counter.toString(16).padStart(4, '0')).toUpperCase().padStart(32, 'A').slice(-32);
}

export function success(ref: string, over: Partial<LookupSuccess> = {}): ShownLookup {
  const raw = {
    status: { updated_on: '2024-11-12T13:08:37.000000Z', code: 3000, description: 'Delivered', last_channel: 'whatsapp' },
    reference_id: ref,
    currency: 'USD',
    price: '0.0050',
    additional_info: { mcc: '310', mnc: '012' },
    channel_status: [
      {
        viber: {
          code: 3112,
          description: 'Specified template does not exist for selected channel',
          updated_on: '2024-11-12T13:08:35.212526Z',
        },
      },
      { whatsapp: { code: 3000, description: 'Delivered', updated_on: '2024-11-12T13:08:37.000000Z' } },
    ],
    verify: { code_entered: '50361', code_state: 'VALID' },
  };
  const outcome: LookupSuccess = {
    ok: true,
    referenceId: ref,
    verifyCode: '50361',
    request: { method: 'GET', url: `http://127.0.0.1:9/v1/omnichannel/${ref}?verify_code=50361`, endpoint: 'omnichannel', auth: 'basic' },
    timing: { startedAt: new Date().toISOString(), durationMs: 42 },
    attempts: 1,
    httpStatus: 200,
    status: {
      code: 3000,
      description: 'Delivered',
      lastChannel: 'whatsapp',
      updatedOn: '2024-11-12T13:08:37.000Z',
      updatedOnRaw: '2024-11-12T13:08:37.000000Z',
    },
    verify: { state: 'VALID', codeEntered: '50361' },
    channels: [
      {
        channel: 'viber',
        code: 3112,
        description: 'Specified template does not exist for selected channel',
        updatedOn: '2024-11-12T13:08:35.212Z',
      },
      { channel: 'whatsapp', code: 3000, description: 'Delivered', updatedOn: '2024-11-12T13:08:37.000Z' },
    ],
    price: '0.0050',
    currency: 'USD',
    mcc: '310',
    mnc: '012',
    errors: [],
    extra: {},
    raw,
    ...over,
  };
  return { outcome, profile: PROFILE };
}

/** 3001 "Message in progress": intermediate, so the panel auto-refreshes. */
export function inProgress(ref: string): ShownLookup {
  return success(ref, {
    verifyCode: undefined,
    request: { method: 'GET', url: `http://127.0.0.1:9/v1/omnichannel/${ref}`, endpoint: 'omnichannel', auth: 'basic' },
    status: { code: 3001, description: 'Message in progress', lastChannel: 'sms', updatedOn: new Date().toISOString() },
    verify: { state: 'UNKNOWN', codeEntered: null },
    channels: [{ channel: 'sms', code: 3001, description: 'Message in progress' }],
    raw: { status: { code: 3001, description: 'Message in progress' }, reference_id: ref },
  });
}

export function failure(ref: string, over: Partial<LookupFailure['error']> = {}): ShownLookup {
  const outcome: LookupFailure = {
    ok: false,
    referenceId: ref,
    request: { method: 'GET', url: `http://127.0.0.1:9/v1/omnichannel/${ref}`, endpoint: 'omnichannel', auth: 'digest' },
    timing: { startedAt: new Date().toISOString(), durationMs: 7 },
    attempts: 1,
    error: {
      kind: 'auth',
      message: 'Telesign refused the credentials of profile “Simulator”.',
      code: 3411,
      description: 'Invalid API Key.',
      httpStatus: 401,
      retryable: false,
      actions: ['set-credentials', 'select-profile', 'open-docs'],
      signatureString: 'GET\n\nTue, 31 Jan 2024 19:36:42 GMT\nx-ts-auth-method: HMAC-SHA256\n/v1/omnichannel/' + ref,
      raw: { status: { code: 3411, description: 'Invalid API Key.' } },
      ...over,
    },
  };
  return { outcome, profile: PROFILE };
}

/** A LookupRunner that answers from a script and records what it was asked. */
export class ScriptedRunner implements LookupRunner {
  readonly calls: (LookupArgs & { referenceId: string })[] = [];
  constructor(private readonly answers: ShownLookup[] = []) {}
  push(...answers: ShownLookup[]): void {
    this.answers.push(...answers);
  }
  run(args: LookupArgs & { readonly referenceId: string }, _token?: vscode.CancellationToken): Promise<ShownLookup> {
    this.calls.push({ ...args });
    const next = this.answers.shift();
    return next ? Promise.resolve(next) : Promise.reject(new Error('scripted runner: no answer left'));
  }
  curl(shown: ShownLookup, shell: Shell): Promise<string> {
    return Promise.resolve(`curl (${shell}) ${shown.outcome.request.url}`);
  }
}

/** Timers the test fires by hand; `active` counts the ones neither fired nor cleared. */
export class ManualScheduler implements Scheduler {
  private next = 1;
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  readonly delays: number[] = [];
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    this.delays.push(ms);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  get active(): number {
    return this.pending.size;
  }
  /** Fires the single pending timer. */
  fire(): void {
    if (this.pending.size !== 1) throw new Error(`expected one pending timer, found ${this.pending.size}`);
    const [[id, t]] = [...this.pending];
    this.pending.delete(id);
    t.fn();
  }
}

/** The open result panel for `ref`, as the extension's registry sees it. */
export const panelOf = (ref: string): OpenResultPanel | undefined => openResultPanels().find((p) => p.referenceId === ref);

/** Waits until the webview of `ref` reports a paint that satisfies `ok`. */
export const painted = (ref: string, ok: (r: RenderReport) => boolean, what: string): Promise<RenderReport> =>
  waitFor(
    () => {
      const r = panelOf(ref)?.report;
      return r && ok(r) ? r : undefined;
    },
    15000,
    what,
  );
