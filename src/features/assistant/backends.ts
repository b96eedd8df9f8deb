// The assistant tools' backends: the same commands (with argument objects) and settings the rest of the
// extension uses, so a tool answers exactly what the command would.
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog';
import type { LogSummary } from '../../core/logs/summarize';
import { endpointBaseUrl, NO_VERIFY_HOST_MESSAGE } from '../../core/telesign/endpoints';
import { unknownEndpointMessage } from '../../core/telesign/lookupInput';
import { activeProfile, defaultEndpoint, isEndpointId, profileByName, targetOf } from '../settings';
import type { ShownLookup } from '../lookup/contracts';
import { COMMANDS } from '../commandIds';
import type { AssistantBackends, LookupInput, LookupPlan } from './tools';

export function assistantBackends(catalog: () => Promise<Catalog>): AssistantBackends {
  return {
    catalog,
    async summarize(file) {
      const result = await vscode.commands.executeCommand<LogSummary | { error: { kind: string; message: string } }>(COMMANDS.summarizeLog, { file });
      if (!result) throw new Error(`Could not summarize ${file.fsPath}.`);
      if ('error' in result) throw new Error(result.error.message);
      return result;
    },
    planLookup(input: LookupInput): LookupPlan | string {
      const profile = input.profile !== undefined ? profileByName(input.profile) : activeProfile();
      if (!profile) return input.profile !== undefined ? `No Telesign profile is named "${input.profile}".` : 'No Telesign profile is active: run "Telesign: Select Profile…".';
      if (input.endpoint !== undefined && !isEndpointId(input.endpoint)) return unknownEndpointMessage(input.endpoint);
      const endpoint = input.endpoint ?? defaultEndpoint();
      const base = endpointBaseUrl(targetOf(profile), endpoint);
      if (base === undefined) return NO_VERIFY_HOST_MESSAGE;
      let host: string;
      try {
        host = new URL(base).origin;
      } catch {
        return `The profile "${profile.name}" has an invalid base URL.`;
      }
      return { profile: profile.name, host, endpoint, demo: profile.demo };
    },
    lookup: (input) =>
      Promise.resolve(vscode.commands.executeCommand<ShownLookup | undefined>(COMMANDS.getTransactionStatus, { referenceId: input.referenceId, endpoint: input.endpoint, profile: input.profile, show: false })),
  };
}
