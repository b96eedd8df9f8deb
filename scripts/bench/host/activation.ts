// Runs inside a fresh extension host that loaded exactly one extension (ours or the empty reference) from
// a folder. The manifest under test lists no activation event that fires by itself, so the extension is
// still inactive here; we time ext.activate(): VS Code resolving the module, loading it and awaiting
// activate(). With `profile`, the same call runs under the V8 CPU profiler and the profile is returned.
// It also reports whether activation loaded the features bundle (it must not, in an idle window) and, with
// `firstUse`, how long the first command takes (loading the features, then running it).
import { Session } from 'inspector';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import { runJob, sleep, type Job } from './job';

interface ActivationJob extends Job {
  readonly extensionId: string;
  /** Let the window's own start-up work (built-in extensions) finish before timing. */
  readonly settleMs: number;
  readonly profile?: boolean;
  /** After the timing: run this command once and time it (the first use, which loads the features). */
  readonly firstUse?: { readonly command: string; readonly args: unknown };
}

/** Whether the features bundle (dist/wiring.js) is loaded in this extension host. */
function featuresLoaded(): boolean {
  return Object.keys(require.cache).some((k) => /[\\/]dist[\\/]wiring\.js$/.test(k));
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
    const idleLoadedFeatures = featuresLoaded();
    let firstUseMs: number | undefined;
    if (job.firstUse) {
      const t1 = performance.now();
      await vscode.commands.executeCommand(job.firstUse.command, job.firstUse.args);
      firstUseMs = performance.now() - t1;
    }
    return {
      ms,
      wasActive,
      idleLoadedFeatures,
      firstUseMs,
      vscodeVersion: vscode.version,
      node: process.version,
      profile,
      startUs,
      endUs,
    };
  });
}
