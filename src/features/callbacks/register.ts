// The callbacks feature's wiring: the listener service, the Callbacks view and documents, and the commands
// (each takes an argument object and returns data; README "Commands and API").
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog';
import { COMMANDS, VSCODE_COMMANDS } from '../commandIds';
import type { CredentialStore } from '../credentials/store';
import type { History } from '../history/store';
import type { Logger } from '../logger';
import { copyAsCurl, replay } from './actions';
import { entryFrom, objectArg } from './args';
import { endpointOf, summarize } from './describe';
import { sendTestCallback } from './sendTest';
import { CallbackService } from './service';
import type { StartArgs, StartResult } from './service';
import { verifyCallbackCommand } from './verifyCommand';
import { CallbackTree } from './view';
import { SCHEMES, VIEWS } from '../contributions';
import type { LateBindings } from '../frontDoor/door';

export interface CallbackDeps {
  readonly credentials: CredentialStore;
  readonly history: History;
  readonly logger: Logger;
  readonly catalog: () => Promise<Catalog>;
}

function startArgs(raw: unknown): StartArgs {
  const a = objectArg(raw);
  if (a.port !== undefined && (typeof a.port !== 'number' || !Number.isInteger(a.port) || a.port < 0 || a.port > 65535)) {
    throw new Error(vscode.l10n.t('port must be a whole number from 0 to 65535 (0 = any free port).'));
  }
  if (a.forwardTo !== undefined && typeof a.forwardTo !== 'string') {
    throw new Error(vscode.l10n.t('forwardTo must be a URL string ("" for none).'));
  }
  return { port: a.port, forwardTo: a.forwardTo };
}

async function start(service: CallbackService, raw: unknown): Promise<StartResult> {
  const r = await service.start(startArgs(raw));
  if (!r.listening) {
    const open = vscode.l10n.t('Open Settings');
    void vscode.window
      .showErrorMessage(r.error, open)
      .then((p) => p === open && vscode.commands.executeCommand(VSCODE_COMMANDS.openSettings, 'telesign.callbacks'));
  } else {
    void vscode.window.showInformationMessage(
      r.forwardTo
        ? vscode.l10n.t('Listening for callbacks on {0}, forwarding to {1}.', r.url, r.forwardTo)
        : vscode.l10n.t('Listening for callbacks on {0}.', r.url),
    );
  }
  return r;
}

export function registerCallbacks(context: vscode.ExtensionContext, late: LateBindings, deps: CallbackDeps): CallbackService {
  const service = new CallbackService(deps.credentials, deps.logger);
  const tree = new CallbackTree(service, deps.catalog);
  const view = late.treeView(VIEWS.callbacks, tree);
  const sync = () => {
    view.description = service.listening ? service.listening.url : undefined;
    view.message =
      service.store.size === 0
        ? vscode.l10n.t('No callbacks yet. Start the listener, then point the simulator (or your tunnel) at it; or send a test callback.')
        : undefined;
  };
  sync();
  const entryCommand =
    <T>(run: (entry: NonNullable<Awaited<ReturnType<typeof entryFrom>>>, args: Record<string, unknown>) => Promise<T>) =>
    async (arg: unknown) => {
      const entry = await entryFrom(service, arg);
      return entry ? run(entry, objectArg(arg)) : undefined;
    };
  context.subscriptions.push(
    service,
    tree,
    view,
    service.store.onDidChange(sync),
    late.contentProvider(SCHEMES.callback, tree),
    vscode.commands.registerCommand(COMMANDS.startCallbackListener, async (arg: unknown) => {
      const r = await start(service, arg);
      sync();
      return r;
    }),
    vscode.commands.registerCommand(COMMANDS.stopCallbackListener, async () => {
      const stopped = await service.stop();
      sync();
      return { stopped, received: service.store.total };
    }),
    vscode.commands.registerCommand(COMMANDS.listCallbacks, async () => {
      const catalog = await deps.catalog().catch(() => undefined);
      return service.store.list().map((e) => summarize(e, catalog));
    }),
    vscode.commands.registerCommand(
      COMMANDS.openCallback,
      entryCommand(async (e) => {
        await tree.open(e);
        return summarize(e, await deps.catalog().catch(() => undefined));
      }),
    ),
    vscode.commands.registerCommand(
      COMMANDS.lookupCallback,
      entryCommand(async (e, a) => {
        const endpoint = endpointOf(e);
        const referenceId = e.parsed.ok ? e.parsed.callback.referenceId : undefined;
        if (!endpoint || !referenceId) {
          throw new Error(vscode.l10n.t('This callback names no transaction a status lookup knows (template reviews have none).'));
        }
        return vscode.commands.executeCommand(COMMANDS.getTransactionStatus, {
          referenceId,
          endpoint,
          ...(a.show === false ? { show: false } : {}),
        });
      }),
    ),
    vscode.commands.registerCommand(
      COMMANDS.replayCallback,
      entryCommand((e, a) => replay(service, e, a.url)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.copyCallbackAsCurl,
      entryCommand((e, a) => copyAsCurl(service, e, a.url)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.saveCallback,
      entryCommand(async (e, a) => {
        const uri =
          a.uri instanceof vscode.Uri
            ? a.uri
            : typeof a.file === 'string'
              ? vscode.Uri.file(a.file)
              : await vscode.window.showSaveDialog({ filters: { JSON: ['json'] }, saveLabel: vscode.l10n.t('Save Callback') });
        if (!uri) return undefined;
        const saved = { receivedAt: e.receivedAt, method: e.method, path: e.path, headers: e.headers, body: e.body.toString('utf8') };
        await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(saved, null, 2) + '\n', 'utf8'));
        return { file: uri.fsPath };
      }),
    ),
    vscode.commands.registerCommand(COMMANDS.toggleCallbackReveal, (arg: unknown) => {
      const a = objectArg(arg);
      service.reveal = typeof a.reveal === 'boolean' ? a.reveal : !service.reveal;
      tree.refresh();
      return { reveal: service.reveal };
    }),
    vscode.commands.registerCommand(COMMANDS.clearCallbacks, () => {
      service.store.clear();
      return { cleared: true };
    }),
    vscode.commands.registerCommand(COMMANDS.sendTestCallback, (arg: unknown) =>
      sendTestCallback(service, deps.credentials, deps.history, arg),
    ),
    vscode.commands.registerCommand(COMMANDS.verifyCallbackSignature, (arg: unknown) =>
      verifyCallbackCommand(service, deps.credentials, arg),
    ),
  );
  return service;
}
