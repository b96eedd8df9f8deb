// Shared by the lookup, credentials, profiles and history integration tests: user-level profiles pointing
// at a simulator started inside the extension host, stubbed prompts, and a way to read the Output log.
import * as assert from 'assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import * as vscode from 'vscode';
import { startSimulator } from '../simulator/server';
import type { Simulator } from '../simulator/server';
import { repoRoot } from './paths';
import { activateExtension } from './extensionHost';

/** Uses credentials stored with Set Credentials. */
export const SIM = 'Sim (stored key)';
/** Demo flag + loopback: Telesign's published example credentials, nothing stored. */
export const DEMO = 'Sim demo';
export const DEMO_DIGEST = 'Sim demo (digest)';
/** A real Telesign host: only ever selected, never queried. */
export const REMOTE = 'Remote (rest-ww)';

const KEYS = ['profiles', 'activeProfile', 'request.maxRetries', 'request.timeoutSeconds', 'history.maxItems', 'defaultEndpoint'] as const;

export interface World {
  readonly sim: Simulator;
  restore(): Promise<void>;
}

export function profilesFor(sim: Simulator): unknown[] {
  return [
    { name: SIM, baseUrl: sim.url, auth: 'basic' },
    { name: DEMO, baseUrl: sim.url, auth: 'basic', demo: true },
    { name: DEMO_DIGEST, baseUrl: sim.url, auth: 'digest', demo: true },
    { name: REMOTE, baseUrl: 'https://rest-ww.telesign.com', auth: 'basic' },
  ];
}

/** Starts a simulator and points the user-level settings at it (restored by `restore`). */
export async function startWorld(): Promise<World> {
  await activateExtension();
  const sim = await startSimulator({ port: 0 });
  const cfg = () => vscode.workspace.getConfiguration('telesign');
  const saved = KEYS.map((k) => [k, cfg().inspect(k)?.globalValue] as const);
  await cfg().update('profiles', profilesFor(sim), vscode.ConfigurationTarget.Global);
  await cfg().update('activeProfile', DEMO, vscode.ConfigurationTarget.Global);
  // One retry keeps the 429/503 tests short while still proving that retries happen.
  await cfg().update('request.maxRetries', 1, vscode.ConfigurationTarget.Global);
  await cfg().update('history.maxItems', 50, vscode.ConfigurationTarget.Global);
  await cfg().update('defaultEndpoint', undefined, vscode.ConfigurationTarget.Global);
  return {
    sim,
    async restore() {
      for (const [k, v] of saved) await cfg().update(k, v, vscode.ConfigurationTarget.Global);
      await sim.close();
    },
  };
}

type Win = Record<string, unknown>;

/** Replaces several `vscode.window` functions while `body` runs. */
export async function withStubs<R>(stubs: Partial<Record<keyof typeof vscode.window, unknown>>, body: () => Promise<R>): Promise<R> {
  const win = vscode.window as unknown as Win;
  const saved = Object.keys(stubs).map((k) => [k, win[k]] as const);
  for (const [k, v] of Object.entries(stubs)) win[k] = v;
  try {
    return await body();
  } finally {
    for (const [k, v] of saved) win[k] = v;
  }
}

/**
 * A showInputBox stand-in answering `answers` in order (undefined = Escape). Each answer must pass the box's
 * own validateInput, as it would have to for a person; `rejected` values are checked to be refused first.
 */
export function inputBoxes(answers: readonly (string | undefined)[], rejected: readonly (readonly string[])[] = []) {
  const calls: vscode.InputBoxOptions[] = [];
  const messages: (string | undefined)[][] = [];
  const fn = async (options: vscode.InputBoxOptions = {}): Promise<string | undefined> => {
    const i = calls.length;
    calls.push(options);
    if (i >= answers.length) throw new Error(`unexpected input box #${i + 1}: ${options.prompt ?? ''}`);
    const validate = async (v: string): Promise<string | undefined> => {
      const r = await options.validateInput?.(v);
      return typeof r === 'string' ? r : r?.message;
    };
    messages.push(await Promise.all((rejected[i] ?? []).map(validate)));
    const answer = answers[i];
    if (answer !== undefined) assert.strictEqual(await validate(answer), undefined, `input box #${i + 1} refuses ${answer}`);
    return answer;
  };
  return { fn, calls, messages };
}

/** A showQuickPick stand-in that records the items and picks with `choose` (undefined = Escape). */
export function quickPick<T extends vscode.QuickPickItem>(choose: (items: readonly T[]) => T | undefined) {
  const seen: T[][] = [];
  const fn = async (items: readonly T[] | Thenable<readonly T[]>): Promise<T | undefined> => {
    const list = [...(await items)];
    seen.push(list);
    return choose(list);
  };
  return { fn, seen };
}

/** A showInformation/Warning/ErrorMessage stand-in that records messages and answers with `answer`. */
export function messages(answer?: (message: string, buttons: string[]) => string | undefined) {
  const seen: string[] = [];
  const fn = (message: string, ...rest: unknown[]): Promise<string | undefined> => {
    seen.push(message);
    const buttons = rest.filter((r): r is string => typeof r === 'string');
    return Promise.resolve(answer?.(message, buttons));
  };
  return { fn, seen };
}

/** Runs a command and returns its result typed as the caller expects. */
export async function exec<T>(command: string, args?: unknown): Promise<T> {
  return await vscode.commands.executeCommand<T>(command, args);
}

/** The newest "Telesign" output-channel log file of this test run's VS Code (LogOutputChannels write one). */
export function outputLogFile(): string | undefined {
  const roots: string[] = [];
  const vt = join(repoRoot, '.vscode-test-cs');
  if (process.env.CS_PORT) roots.push(join(vt, `run-${process.env.CS_PORT}`, 'user-data', 'logs'));
  else if (existsSync(vt)) for (const d of readdirSync(vt)) if (d.startsWith('run-')) roots.push(join(vt, d, 'user-data', 'logs'));
  let best: { path: string; mtime: number } | undefined;
  const walk = (dir: string, depth: number): void => {
    if (depth > 8 || !existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (/Telesign\.log$/.test(e.name)) {
        const mtime = statSync(p).mtimeMs;
        if (!best || mtime > best.mtime) best = { path: p, mtime };
      }
    }
  };
  for (const r of roots) walk(r, 0);
  return best?.path;
}

export function readOutputLog(): string {
  const file = outputLogFile();
  assert.ok(file, "the Telesign output log file exists under the run's logs folder");
  return readFileSync(file, 'utf8');
}
