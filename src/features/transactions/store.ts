// Stored lookups, as files under the extension's globalStorageUri: `transactions/index.json` (the small
// summaries the tree shows) and one `<id>.json` per lookup (outcome, raw body, attempts). Not globalState:
// VS Code reads an extension's whole globalState into memory in every window at startup and rewrites the
// whole value on each update, so N capped bodies there would slow every start and every lookup; files are
// read only when a lookup is opened or compared, and a lookup writes one file plus the index.
import * as vscode from 'vscode';
import type { StoredLookup, StoredSummary } from '../../core/transactions/stored';
import { applyLimit, isStoredLookup, isStoredSummary, summarize } from '../../core/transactions/stored';

const INDEX = 'index.json';

export class TransactionStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private index: StoredSummary[] | undefined;
  private loading: Promise<StoredSummary[]> | undefined;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: vscode.Uri,
    private readonly maxItems: () => number,
  ) {}

  /** Newest first; read from disk once, then kept. */
  summaries(): Promise<StoredSummary[]> {
    if (this.index) return Promise.resolve([...this.index]);
    this.loading ??= this.readIndex().then((list) => (this.index = list));
    return this.loading.then((l) => [...l]);
  }

  async get(id: string): Promise<StoredLookup | undefined> {
    if (!(await this.summaries()).some((s) => s.id === id)) return undefined;
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file(id))));
      return isStoredLookup(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** Writes the entry, then the index trimmed to the limit (files of dropped entries are deleted). */
  add(stored: StoredLookup): Promise<void> {
    return this.serial(async () => {
      const text = JSON.stringify(stored);
      const max = this.maxItems();
      const list = await this.summaries();
      if (max <= 0 && !list.some((s) => s.pinned)) {
        return this.replace(
          [],
          list.map((s) => s.id),
        );
      }
      await vscode.workspace.fs.createDirectory(this.dir);
      await vscode.workspace.fs.writeFile(this.file(stored.id), new TextEncoder().encode(text));
      const { keep, dropped } = applyLimit([summarize(stored, false, text.length), ...list], max);
      await this.replace(keep, dropped);
    });
  }

  setPinned(id: string, pinned: boolean): Promise<void> {
    return this.serial(async () => {
      const list = await this.summaries();
      await this.replace(
        list.map((s) => (s.id === id ? { ...s, pinned } : s)),
        [],
      );
    });
  }

  remove(ids: readonly string[]): Promise<void> {
    return this.serial(async () => {
      const list = await this.summaries();
      await this.replace(
        list.filter((s) => !ids.includes(s.id)),
        [...ids],
      );
    });
  }

  /** Removes every stored lookup, pinned ones included. */
  clear(): Promise<void> {
    return this.serial(async () => {
      const list = await this.summaries();
      await this.replace(
        [],
        list.map((s) => s.id),
      );
    });
  }

  /** Applies a lowered limit at once (the setting changed). */
  trim(): Promise<void> {
    return this.serial(async () => {
      const { keep, dropped } = applyLimit(await this.summaries(), this.maxItems());
      if (dropped.length) await this.replace(keep, dropped);
    });
  }

  /** Forgets what is cached, so the next read comes from disk (another window may have written). */
  reload(): void {
    this.index = undefined;
    this.loading = undefined;
    this.changed.fire();
  }

  private async replace(keep: StoredSummary[], dropped: readonly string[]): Promise<void> {
    this.index = keep;
    this.changed.fire();
    await vscode.workspace.fs.createDirectory(this.dir);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.dir, INDEX), new TextEncoder().encode(JSON.stringify(keep)));
    for (const id of dropped) await vscode.workspace.fs.delete(this.file(id)).then(undefined, () => undefined);
  }

  private serial(job: () => Promise<void>): Promise<void> {
    const done = this.writes.then(job);
    this.writes = done.catch(() => undefined);
    return done;
  }

  private file(id: string): vscode.Uri {
    return vscode.Uri.joinPath(this.dir, `${id.replace(/[^A-Za-z0-9-]/g, '')}.json`);
  }

  private async readIndex(): Promise<StoredSummary[]> {
    try {
      const parsed: unknown = JSON.parse(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.dir, INDEX))),
      );
      return Array.isArray(parsed) ? parsed.filter(isStoredSummary) : [];
    } catch {
      return [];
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
