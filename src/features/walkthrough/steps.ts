// The Get Started walkthrough's steps complete on real events, through context keys the manifest's
// `completionEvents` watch (`onContext:telesign.walkthrough.<step>`). Done steps are remembered in
// globalState so they stay done after a reload.
import * as vscode from 'vscode';

export type StepId = 'simulator' | 'credentials' | 'lookup' | 'hover';
const STATE_KEY = 'telesign.walkthrough.done';
const STEPS: readonly StepId[] = ['simulator', 'credentials', 'lookup', 'hover'];

interface Walkthrough {
  done: Set<StepId>;
  complete?: (step: StepId) => void;
}
const state: Walkthrough = { done: new Set() };
const registry = (): Walkthrough => state;

/** Marks a step done (a no-op before activation and for steps already done). */
export function completeStep(step: StepId): void {
  registry().complete?.(step);
}

export function completedSteps(): StepId[] {
  return [...registry().done];
}

function savedSteps(context: vscode.ExtensionContext): StepId[] {
  const saved = context.globalState.get<unknown[]>(STATE_KEY, []);
  return STEPS.filter((s) => Array.isArray(saved) && saved.includes(s));
}

/** At startup (the front door): the steps done in earlier sessions show as done on the Get Started page. */
export function restoreStepContexts(context: vscode.ExtensionContext): void {
  for (const s of savedSteps(context)) void vscode.commands.executeCommand('setContext', `telesign.walkthrough.${s}`, true);
}

/** With the features: steps complete from now on (their context keys were restored by the front door). */
export function registerWalkthrough(context: vscode.ExtensionContext): void {
  const r = registry();
  r.done = new Set(savedSteps(context));
  r.complete = (step) => {
    if (r.done.has(step)) return;
    r.done.add(step);
    void vscode.commands.executeCommand('setContext', `telesign.walkthrough.${step}`, true);
    void context.globalState.update(STATE_KEY, [...r.done]);
  };
  context.subscriptions.push({ dispose: () => (r.complete = undefined) });
}
