// Language-model tools (contributes.languageModelTools): the catalog, the log summary and status lookups, for
// the AI assistant in the editor. Local, read-only tools run without asking; the lookup reaches Telesign (or the
// profile's host) and may be billed, so it asks first, naming the host and the profile. Results are masked
// (no phone numbers or message text) and carry no key or OTP: the lookup takes no code, and core redacts.
import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog';
import type { LogSummary } from '../../core/logs/summarize';
import type { EndpointId } from '../../core/telesign/types';
import { explainAnswer, lookupAnswer, summaryAnswer, type ToolAnswer } from '../../core/assistant/answers';
import { traceAnswer } from '../../core/assistant/traceAnswer';
import type { ShownLookup } from '../lookup/contracts';
import type { LookupPlan } from '../lookup/plan';
import type { SignatureVerdict } from '../../core/callbacks';
import { lmToolsApi, type LanguageModelTool, type LmToolsApi } from './lmApi';
import type { LateBindings } from '../frontDoor/door';

/** Tool names as the manifest declares them (a test ties the two). */
export const TOOL_NAMES = {
  explainCode: 'telesign_explain_code',
  summarizeLog: 'telesign_summarize_log',
  getTransactionStatus: 'telesign_get_transaction_status',
  traceReferenceId: 'telesign_trace_reference_id',
  verifyCallbackSignature: 'telesign_verify_callback_signature',
} as const;

/** What the tools run on: the same catalog, summary and lookup service the commands use. */
export interface AssistantBackends {
  catalog(): Promise<Catalog>;
  /** Throws an Error whose message says what is wrong with the file. */
  summarize(file: vscode.Uri, token: vscode.CancellationToken): Promise<LogSummary>;
  /** Where a lookup would go, without sending anything; a string says why it cannot run. */
  planLookup(input: LookupInput): LookupPlan | string;
  lookup(input: LookupInput, token: vscode.CancellationToken): Promise<ShownLookup | undefined>;
  /** Throws an Error whose message says what is wrong with the input. */
  trace(referenceId: string): Promise<Parameters<typeof traceAnswer>[0]>;
  /** The Verify Callback Signature command's verdict (checked with the profile's key, which never leaves it). */
  verifyCallback(input: VerifyCallbackToolInput): Promise<SignatureVerdict | undefined>;
}

export interface VerifyCallbackToolInput {
  readonly body: string;
  readonly authorization?: string;
  readonly signature?: string;
  readonly profile?: string;
}

interface ExplainInput {
  readonly code: string | number;
  readonly context?: string;
}
interface SummarizeInput {
  readonly file: string;
}
export interface LookupInput {
  readonly referenceId: string;
  readonly endpoint?: EndpointId;
  readonly profile?: string;
}

/** The tools, for registration and for tests that call prepareInvocation directly. */
export function assistantTools(b: AssistantBackends, lm: Pick<LmToolsApi, 'result'>): Record<string, LanguageModelTool<never>> {
  const answer = (a: ToolAnswer) => lm.result(a.text, a.data);
  const explainCode: LanguageModelTool<ExplainInput> = {
    async invoke({ input }) {
      const code = typeof input.code === 'number' ? input.code : String(input.code ?? '').trim();
      if (code === '') throw new Error('Give the code to explain, e.g. "3204" or "-10004".');
      return answer(explainAnswer(code, input.context ?? '', (await b.catalog()).explain(code, input.context ?? '')));
    },
  };
  const summarizeLog: LanguageModelTool<SummarizeInput> = {
    prepareInvocation: ({ input }) => ({ invocationMessage: vscode.l10n.t('Summarizing Telesign codes in {0}', input.file) }),
    async invoke({ input }, token) {
      const summary = await b.summarize(resolveFile(input.file), token);
      const catalog = await b.catalog();
      return answer(summaryAnswer(summary, (c, ctx) => catalog.explain(c, ctx ?? '')));
    },
  };
  const getTransactionStatus: LanguageModelTool<LookupInput> = {
    prepareInvocation({ input }) {
      const plan = b.planLookup(input);
      if (typeof plan === 'string') return { invocationMessage: plan };
      return {
        invocationMessage: vscode.l10n.t('Looking up {0} on {1}', input.referenceId, plan.host),
        confirmationMessages: {
          title: vscode.l10n.t('Look up a Telesign transaction?'),
          message: new vscode.MarkdownString(
            vscode.l10n.t(
              'This sends a status request for **{0}** ({1} endpoint) to **{2}** with the credentials of the profile **{3}**.',
              input.referenceId,
              plan.endpoint,
              plan.host,
              plan.profile,
            ) +
              '\n\n' +
              (plan.demo
                ? vscode.l10n.t('The profile is a local demo profile.')
                : vscode.l10n.t('It is a real call to the API and may be billed by Telesign.')),
          ),
        },
      };
    },
    async invoke({ input }, token) {
      const plan = b.planLookup(input);
      if (typeof plan === 'string') throw new Error(plan);
      const shown = await b.lookup(input, token);
      if (!shown) throw new Error('The lookup was cancelled.');
      const catalog = await b.catalog();
      return answer(lookupAnswer(shown.outcome, { profile: plan.profile, host: plan.host }, (c, ctx) => catalog.explain(c, ctx ?? '')));
    },
  };
  const traceReferenceId: LanguageModelTool<{ readonly referenceId: string }> = {
    prepareInvocation: ({ input }) => ({ invocationMessage: vscode.l10n.t('Tracing {0} through the logs', input.referenceId) }),
    async invoke({ input }) {
      return answer(traceAnswer(await b.trace(String(input.referenceId ?? '').trim())));
    },
  };
  const verifyCallbackSignature: LanguageModelTool<VerifyCallbackToolInput> = {
    async invoke({ input }) {
      if (typeof input.body !== 'string' || input.body === '') {
        throw new Error('Give the callback body exactly as received (the raw JSON text).');
      }
      if (input.authorization === undefined && input.signature === undefined) {
        throw new Error('Give the Authorization (or X-TS-Authorization) header value, or the signature the app compared.');
      }
      const v = await b.verifyCallback(input);
      if (!v) throw new Error('The signature could not be checked.');
      const data = {
        verdict: v.kind,
        ...(v.kind === 'invalid' ? { reason: v.reason } : {}),
        message: v.message,
        customerId: v.kind === 'unsigned' ? undefined : v.customerId,
        matchedProfile: v.kind === 'invalid' || v.kind === 'no-credentials' ? v.matchedProfile : undefined,
      };
      return lm.result(`Callback signature: ${v.kind}${v.kind === 'invalid' ? ` (${v.reason})` : ''}. ${v.message}`, data);
    },
  };
  return {
    [TOOL_NAMES.traceReferenceId]: traceReferenceId,
    [TOOL_NAMES.explainCode]: explainCode,
    [TOOL_NAMES.summarizeLog]: summarizeLog,
    [TOOL_NAMES.getTransactionStatus]: getTransactionStatus,
    [TOOL_NAMES.verifyCallbackSignature]: verifyCallbackSignature,
  };
}

/** An absolute path, or one relative to the first workspace folder. */
function resolveFile(file: string): vscode.Uri {
  if (typeof file !== 'string' || file.trim() === '') {
    throw new Error('Give the log file: an absolute path or one relative to the workspace folder.');
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (/^([a-z]:[\\/]|[\\/])/i.test(file) || !folder) return vscode.Uri.file(file);
  return vscode.Uri.joinPath(folder.uri, file);
}

/** Registers the tools where the running VS Code has the API (1.85 has none: nothing to do). */
export function registerAssistantTools(context: vscode.ExtensionContext, late: LateBindings, backends: AssistantBackends): boolean {
  const lm = lmToolsApi();
  if (!lm) return false;
  for (const [name, tool] of Object.entries(assistantTools(backends, lm))) {
    context.subscriptions.push(late.tool(name, tool));
  }
  return true;
}
