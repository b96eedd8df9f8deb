// The defaults and bounds the code falls back to for each `telesign.*` setting. The manifest
// (package.json `contributes.configuration`) states the same; test/unit/manifest.test.ts keeps the two equal.
// No 'vscode' here, so the test can read it in plain Node.
import { DEFAULT_LISTENER_PORT } from '../core/callbacks/listener';
import { DEFAULT_ENDPOINT } from '../core/telesign/endpoints';

export interface NumberSetting {
  readonly default: number;
  readonly minimum: number;
  readonly maximum: number;
}

export const SETTING_DEFAULTS = {
  defaultEndpoint: { default: DEFAULT_ENDPOINT },
  'request.timeoutSeconds': { default: 15, minimum: 1, maximum: 120 } satisfies NumberSetting,
  'request.maxRetries': { default: 3, minimum: 0, maximum: 6 } satisfies NumberSetting,
  'history.maxItems': { default: 50, minimum: 0, maximum: 500 } satisfies NumberSetting,
  'transactions.maxStored': { default: 100, minimum: 0, maximum: 1000 } satisfies NumberSetting,
  'autoRefresh.enabled': { default: true },
  'hover.enabled': { default: true },
  'batch.concurrency': { default: 4, minimum: 1, maximum: 16 } satisfies NumberSetting,
  'batch.requestsPerSecond': { default: 10, minimum: 1, maximum: 100 } satisfies NumberSetting,
  logFiles: { default: ['**/*.log', '**/*.log.*', '**/*log*.txt', '**/*.out'] as readonly string[] },
  'callbacks.port': { default: DEFAULT_LISTENER_PORT, minimum: 1, maximum: 65535 } satisfies NumberSetting,
  'callbacks.forwardTo': { default: '' },
  'callbacks.maxKept': { default: 1000, minimum: 10, maximum: 20000 } satisfies NumberSetting,
} as const;
