// The assistant tools' backends: the same commands (with argument objects) and settings the rest of the
// extension uses, so a tool answers exactly what the command would.
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog';
import type { SignatureVerdict } from '../../core/callbacks';
import type { LogSummary } from '../../core/logs/summarize';
import { planLookup } from '../lookup/plan';
import type { ShownLookup } from '../lookup/contracts';
import { COMMANDS } from '../commandIds';
import type { AssistantBackends, LookupInput } from './tools';
import type { TraceView } from '../trace/command';

export function assistantBackends(catalog: () => Promise<Catalog>): AssistantBackends {
  return {
    catalog,
    async summarize(file) {
      const result = await vscode.commands.executeCommand<LogSummary | { error: { kind: string; message: string } }>(
        COMMANDS.summarizeLog,
        { file },
      );
      if (!result) throw new Error(`Could not summarize ${file.fsPath}.`);
      if ('error' in result) throw new Error(result.error.message);
      return result;
    },
    planLookup: (input: LookupInput) => planLookup(input),
    async trace(referenceId) {
      const result = await vscode.commands.executeCommand<TraceView | { error: { message: string } } | undefined>(
        COMMANDS.traceReferenceId,
        { referenceId },
      );
      if (!result) throw new Error('The trace was cancelled.');
      if ('error' in result) throw new Error(result.error.message);
      return result;
    },
    verifyCallback: (input) =>
      Promise.resolve(
        vscode.commands.executeCommand<SignatureVerdict | undefined>(COMMANDS.verifyCallbackSignature, {
          body: input.body,
          authorization: input.authorization,
          signature: input.signature,
          profile: input.profile,
          show: false,
        }),
      ),
    lookup: (input) =>
      Promise.resolve(
        vscode.commands.executeCommand<ShownLookup | undefined>(COMMANDS.getTransactionStatus, {
          referenceId: input.referenceId,
          endpoint: input.endpoint,
          profile: input.profile,
          show: false,
        }),
      ),
  };
}
