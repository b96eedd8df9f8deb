// What the front door registers in every window before the features load, and the late binding of each to
// the feature that implements it. VS Code asks an activated extension for its commands, views, restored
// panels, read-only documents, deep links and tools directly (an activation event fires once), so the front
// door answers for all of them; the first question loads the features, which attach their implementations
// here. Command stand-ins give way to the real commands: the call that loaded the features runs again.
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { RESULT_VIEW_TYPE, SCHEMES, VIEWS, VIEW_OPTIONS } from '../contributions';
import type { LanguageModelTool, LmToolsApi } from '../assistant/lmApi';

/** Where the features attach to what the front door registered (or register directly what it did not). */
export interface LateBindings {
  treeView<T>(id: string, provider: vscode.TreeDataProvider<T>): vscode.TreeView<T>;
  serializer(viewType: string, serializer: vscode.WebviewPanelSerializer): vscode.Disposable;
  uriHandler(handler: vscode.UriHandler): vscode.Disposable;
  contentProvider(scheme: string, provider: vscode.TextDocumentContentProvider): vscode.Disposable;
  tool(name: string, tool: LanguageModelTool<unknown>): vscode.Disposable;
}

type Load = (why: string) => void;
const detach = { dispose: () => undefined };

class LateTree<T> implements vscode.TreeDataProvider<T> {
  private target: vscode.TreeDataProvider<T> | undefined;
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private forward: vscode.Disposable | undefined;

  constructor(
    private readonly id: string,
    private readonly load: Load,
  ) {}

  attach(target: vscode.TreeDataProvider<T>): void {
    this.target = target;
    this.forward = target.onDidChangeTreeData?.((e) => this.changed.fire(e));
    this.changed.fire();
  }

  private real(): vscode.TreeDataProvider<T> | undefined {
    if (!this.target) this.load(`view ${this.id}`);
    return this.target;
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    const target = this.real();
    if (!target) throw new Error(vscode.l10n.t('Telesign Inspector could not load this view.'));
    return target.getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.real()?.getChildren(element) ?? [];
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.real()?.getParent?.(element);
  }

  dispose(): void {
    this.forward?.dispose();
    this.changed.dispose();
  }
}

class LateDocuments implements vscode.TextDocumentContentProvider {
  private target: vscode.TextDocumentContentProvider | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private forward: vscode.Disposable | undefined;

  constructor(
    private readonly scheme: string,
    private readonly load: Load,
  ) {}

  attach(target: vscode.TextDocumentContentProvider): vscode.Disposable {
    this.target = target;
    this.forward = target.onDidChange?.((uri) => this.changed.fire(uri));
    return {
      dispose: () => {
        this.forward?.dispose();
      },
    };
  }

  provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): vscode.ProviderResult<string> {
    if (!this.target) this.load(`document ${this.scheme}:`);
    return this.target?.provideTextDocumentContent(uri, token);
  }

  dispose(): void {
    this.forward?.dispose();
    this.changed.dispose();
  }
}

/** A slot that holds one implementation: the result panel's serializer, the URI handler, one tool. */
class Slot<T> {
  target: T | undefined;
  constructor(
    private readonly why: string,
    private readonly load: Load,
  ) {}

  get(): T | undefined {
    if (!this.target) this.load(this.why);
    return this.target;
  }

  attach(target: T): vscode.Disposable {
    this.target = target;
    return detach;
  }
}

export interface FrontDoorOptions {
  /** Requires the features bundle and activates it against these bindings; called once. */
  readonly loadFeatures: (bindings: LateBindings) => void;
  /** Tool names the manifest contributes, and the running VS Code's tool API (undefined before it had one). */
  readonly tools: readonly string[];
  readonly lm: LmToolsApi | undefined;
}

export class FrontDoor implements LateBindings, vscode.Disposable {
  private readonly stubs = new Map<string, vscode.Disposable>();
  private readonly trees = new Map<string, { provider: LateTree<unknown>; view: vscode.TreeView<unknown> }>();
  private readonly documents = new Map<string, LateDocuments>();
  private readonly panels: Slot<vscode.WebviewPanelSerializer>;
  private readonly links: Slot<vscode.UriHandler>;
  private readonly toolSlots = new Map<string, Slot<LanguageModelTool<unknown>>>();
  private readonly registrations: vscode.Disposable[] = [];
  private state: 'waiting' | 'loading' | 'loaded' | 'failed' = 'waiting';
  /** What loaded the features ("command telesign.explainCode", "view telesign.transactions", …). */
  loadedBy: string | undefined;
  loadMs: number | undefined;

  constructor(private readonly options: FrontDoorOptions) {
    const load: Load = (why) => this.load(why);
    for (const id of Object.values(COMMANDS)) {
      this.stubs.set(
        id,
        vscode.commands.registerCommand(id, (...args: unknown[]) => {
          this.load(`command ${id}`);
          return vscode.commands.executeCommand(id, ...args);
        }),
      );
    }
    for (const id of Object.values(VIEWS)) {
      const provider = new LateTree<unknown>(id, load);
      const view = vscode.window.createTreeView(id, { treeDataProvider: provider, ...VIEW_OPTIONS[id] });
      this.trees.set(id, { provider, view });
      this.registrations.push(view, provider);
    }
    for (const scheme of Object.values(SCHEMES)) {
      const provider = new LateDocuments(scheme, load);
      this.documents.set(scheme, provider);
      this.registrations.push(provider, vscode.workspace.registerTextDocumentContentProvider(scheme, provider));
    }
    this.panels = new Slot('restored result panel', load);
    this.registrations.push(
      vscode.window.registerWebviewPanelSerializer(RESULT_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => {
          const target = this.panels.get();
          if (target) return target.deserializeWebviewPanel(panel, state);
          panel.dispose();
        },
      }),
    );
    this.links = new Slot('deep link', load);
    this.registrations.push(vscode.window.registerUriHandler({ handleUri: (uri) => this.links.get()?.handleUri(uri) }));
    if (options.lm) {
      for (const name of options.tools) {
        const slot = new Slot<LanguageModelTool<unknown>>(`tool ${name}`, load);
        this.toolSlots.set(name, slot);
        this.registrations.push(
          options.lm.registerTool(name, {
            invoke: (o, token) => {
              const tool = slot.get();
              if (!tool) throw new Error(vscode.l10n.t('Telesign Inspector could not load this tool.'));
              return tool.invoke(o, token);
            },
            prepareInvocation: (o, token) => slot.get()?.prepareInvocation?.(o, token),
          }),
        );
      }
    }
  }

  get loaded(): boolean {
    return this.state === 'loaded';
  }

  /** Loads the features once: the command stand-ins go, the features register the real commands. */
  load(why: string): void {
    if (this.state !== 'waiting') return;
    this.state = 'loading';
    this.loadedBy = why;
    const started = performance.now();
    for (const stub of this.stubs.values()) stub.dispose();
    this.stubs.clear();
    try {
      this.options.loadFeatures(this);
      this.state = 'loaded';
    } catch (e) {
      this.state = 'failed';
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Telesign Inspector could not load its features ({0}). Reinstalling the extension may help.', String(e)),
      );
    }
    this.loadMs = performance.now() - started;
  }

  /**
   * Loads the features when a document they serve is open (hovers and links in logs): now, when one opens, or
   * when `setting` (which decides what matches) changes so that an open one does.
   */
  loadFor(matches: (doc: vscode.TextDocument) => boolean, why: string, setting: string): void {
    const watches: vscode.Disposable[] = [];
    const check = (docs: readonly vscode.TextDocument[]): void => {
      if (!docs.some(matches)) return;
      for (const w of watches) w.dispose();
      this.load(why);
    };
    watches.push(
      vscode.workspace.onDidOpenTextDocument((doc) => check([doc])),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(setting)) check(vscode.workspace.textDocuments);
      }),
    );
    this.registrations.push(...watches);
    check(vscode.workspace.textDocuments);
  }

  treeView<T>(id: string, provider: vscode.TreeDataProvider<T>): vscode.TreeView<T> {
    const late = this.trees.get(id);
    if (!late) return vscode.window.createTreeView(id, { treeDataProvider: provider, ...VIEW_OPTIONS[id] });
    (late.provider as LateTree<T>).attach(provider);
    return late.view as vscode.TreeView<T>;
  }

  serializer(viewType: string, serializer: vscode.WebviewPanelSerializer): vscode.Disposable {
    if (viewType !== RESULT_VIEW_TYPE) return vscode.window.registerWebviewPanelSerializer(viewType, serializer);
    return this.panels.attach(serializer);
  }

  uriHandler(handler: vscode.UriHandler): vscode.Disposable {
    return this.links.attach(handler);
  }

  contentProvider(scheme: string, provider: vscode.TextDocumentContentProvider): vscode.Disposable {
    return this.documents.get(scheme)?.attach(provider) ?? vscode.workspace.registerTextDocumentContentProvider(scheme, provider);
  }

  tool(name: string, tool: LanguageModelTool<unknown>): vscode.Disposable {
    const slot = this.toolSlots.get(name);
    if (slot) return slot.attach(tool);
    if (!this.options.lm) return detach;
    return this.options.lm.registerTool(name, tool);
  }

  dispose(): void {
    for (const stub of this.stubs.values()) stub.dispose();
    this.stubs.clear();
    for (const r of this.registrations.splice(0)) r.dispose();
  }
}
