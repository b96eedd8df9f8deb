// Runs inside a fresh extension host that loaded exactly one extension (ours or the empty reference) from
// a folder. The manifest under test lists no activation event that fires by itself, so the extension is
// still inactive here; we time ext.activate(): VS Code resolving the module, loading it and awaiting
// activate(). With `profile`, the same call runs under the V8 CPU profiler and the profile is returned.
import { Session } from 'inspector';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import { runJob, sleep, type Job } from './job';

interface ActivationJob extends Job {
  readonly extensionId: string;
  /** Let the window's own start-up work (built-in extensions) finish before timing. */
  readonly settleMs: number;
  readonly profile?: boolean;
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
}

export function run(): Promise<void> {
  return runJob<ActivationJob>(async (job) => {
    await sleep(job.settleMs);
    const ext = vscode.extensions.getExtension(job.extensionId);
    if (!ext) throw new Error(`${job.extensionId} is not loaded`);
    const wasActive = ext.isActive;
    let session: Session | undefined;
    if (job.profile) {
      session = new Session();
      session.connect();
      await post(session, 'Profiler.enable');
      await post(session, 'Profiler.setSamplingInterval', { interval: 50 });
      await post(session, 'Profiler.start');
    }
    const startUs = Number(process.hrtime.bigint() / 1000n);
    const t0 = performance.now();
    await ext.activate();
    const ms = performance.now() - t0;
    const endUs = Number(process.hrtime.bigint() / 1000n);
    let profile: unknown;
    if (session) {
      profile = (await post<{ profile: unknown }>(session, 'Profiler.stop')).profile;
      session.disconnect();
    }
    return { ms, wasActive, vscodeVersion: vscode.version, node: process.version, profile, startUs, endUs };
  });
}
