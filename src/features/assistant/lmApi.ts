// The part of VS Code's language-model tool API the extension uses. vscode.lm.registerTool arrived after the
// oldest VS Code we support (1.85) and @types/vscode stays at that floor (vsce refuses newer types than
// engines.vscode), so the API is declared here as far as we use it and detected at run time.
import * as vscode from 'vscode';

export interface ToolInvocation<T> {
  readonly input: T;
}

export interface PreparedInvocation {
  readonly invocationMessage?: string;
  readonly confirmationMessages?: { readonly title: string; readonly message: string | vscode.MarkdownString };
}

export interface LanguageModelTool<T> {
  invoke(options: ToolInvocation<T>, token: vscode.CancellationToken): Promise<unknown>;
  prepareInvocation?(
    options: ToolInvocation<T>,
    token: vscode.CancellationToken,
  ): PreparedInvocation | undefined | Promise<PreparedInvocation | undefined>;
}

export interface LmToolsApi {
  registerTool<T>(name: string, tool: LanguageModelTool<T>): vscode.Disposable;
  /** A tool result: a text part and, where VS Code has LanguageModelDataPart, a JSON part. */
  result(text: string, data: unknown): unknown;
}

type Ctor<A extends unknown[]> = new (...args: A) => unknown;
interface Detected {
  lm?: { registerTool?: LmToolsApi['registerTool'] };
  LanguageModelToolResult?: Ctor<[unknown[]]>;
  LanguageModelTextPart?: Ctor<[string]>;
  LanguageModelDataPart?: { json?(value: unknown): unknown };
}

/** The tool API of the running VS Code, or undefined where it has none (then no tool is registered). */
export function lmToolsApi(api: unknown = vscode): LmToolsApi | undefined {
  const v = api as Detected;
  const register = v.lm?.registerTool;
  const { LanguageModelToolResult: Result, LanguageModelTextPart: Text, LanguageModelDataPart: Data } = v;
  if (typeof register !== 'function' || !Result || !Text) return undefined;
  return {
    registerTool: (name, tool) => register.call(v.lm, name, tool),
    result: (text, data) =>
      new Result([
        new Text(text),
        typeof Data?.json === 'function' ? Data.json(data) : new Text(`\`\`\`json\n${JSON.stringify(data, null, 1)}\n\`\`\``),
      ]),
  };
}
