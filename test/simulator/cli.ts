// `npm run simulator`: the simulator as a process, for `npm start`, manual testing and scripts.
//   --port N            default 8787; 0 picks a free port
//   --host 127.0.0.1    loopback only; anything else is refused
//   --json              print one ready line {"url":…,"port":…} instead of the banner
//   --rate-limit N/MS   per-customer limit, e.g. 20/1000 (none by default)
//   --callback-url URL  POST signed callbacks there as transactions progress (loopback http only)
import { DEMO_CREDENTIALS } from '../../src/core/telesign/demo';
import { NO_OMNICHANNEL_CUSTOMER, SEEDED, SEEDED_TRANSACTIONS } from './seed';
import { validateCallbackUrl } from './callbacks';
import { startSimulator } from './server';
import type { SimulatorOptions } from './server';

interface CliArgs {
  port: number;
  json: boolean;
  rateLimit?: { requests: number; windowMs: number };
  callbackUrl?: string;
}

function fail(message: string): never {
  process.stderr.write(`simulator: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { port: 8787, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    switch (flag) {
      case '--port': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) fail('--port must be 0..65535');
        args.port = n;
        break;
      }
      case '--host': {
        const h = value();
        // The simulator accepts demo credentials and has an unauthenticated admin API: never off this machine.
        if (!['127.0.0.1', 'localhost'].includes(h)) fail(`--host ${h} refused: the simulator listens on 127.0.0.1 only`);
        break;
      }
      case '--json':
        args.json = true;
        break;
      case '--rate-limit': {
        const m = /^(\d+)\/(\d+)$/.exec(value());
        if (!m) fail('--rate-limit takes REQUESTS/WINDOW_MS, e.g. 20/1000');
        args.rateLimit = { requests: Number(m[1]), windowMs: Number(m[2]) };
        break;
      }
      case '--callback-url': {
        const url = value();
        const problem = validateCallbackUrl(url);
        if (problem) fail(problem);
        args.callbackUrl = url;
        break;
      }
      case '--help':
      case '-h':
        process.stdout.write(
          'usage: simulator [--port N] [--host 127.0.0.1] [--json] [--rate-limit N/MS] [--callback-url http://127.0.0.1:PORT/PATH]\n',
        );
        process.exit(0);
        break;
      default:
        fail(`unknown option ${a} (try --help)`);
    }
  }
  return args;
}

function banner(url: string): string {
  const lines = [
    '',
    `Telesign simulator listening on ${url}  (loopback only; Ctrl+C stops it)`,
    '',
    "Demo credentials (Telesign's published example values, not secrets; they unlock only this simulator):",
    `  customer ID  ${DEMO_CREDENTIALS.customerId}`,
    `  API key      ${DEMO_CREDENTIALS.apiKey}`,
    `Customer without Messaging / Verify API (answers 3206 / 3906):`,
    `  customer ID  ${NO_OMNICHANNEL_CUSTOMER.customerId}`,
    `  API key      ${NO_OMNICHANNEL_CUSTOMER.apiKey}`,
    '',
    'Seeded reference IDs (endpoint, OTP, what each shows; times count from start):',
  ];
  for (const t of SEEDED_TRANSACTIONS) {
    const otp = t.otp ? `OTP ${t.otp}` : 'no OTP';
    lines.push(`  ${t.referenceId}  ${(t.endpoint ?? 'omnichannel').padEnd(12)} ${otp.padEnd(12)} ${t.label ?? ''}`);
  }
  lines.push(
    '  any other 32-hex ID: not found; anything else: malformed reference ID',
    '',
    'Try:',
    `  curl -u '${DEMO_CREDENTIALS.customerId}:${DEMO_CREDENTIALS.apiKey}' '${url}/v1/omnichannel/${SEEDED.autoOtp}?verify_code=50361'`,
    '',
    'Admin API (JSON, no auth; POST needs -H "Content-Type: application/json"):',
    `  curl ${url}/_sim/transactions`,
    `  curl -X POST -H 'Content-Type: application/json' -d '{"advanceMs":60000}' ${url}/_sim/clock`,
    `  curl -X POST -H 'Content-Type: application/json' -d '{"fault":{"kind":"error","error":"unavailable"},"times":3}' ${url}/_sim/faults`,
    `  curl -X POST -H 'Content-Type: application/json' -d '{"otp":"424242","channels":[{"channel":"sms","code":3000,"afterMs":30000}]}' ${url}/_sim/transactions`,
    `  curl -X POST -H 'Content-Type: application/json' ${url}/_sim/reset`,
    `  curl -X POST -H 'Content-Type: application/json' -d '{"url":"http://127.0.0.1:9000/cb"}' ${url}/_sim/callbacks/url`,
    `  curl -X POST -H 'Content-Type: application/json' -d '{"kind":"inbound","channel":"sms","text":"STOP"}' ${url}/_sim/callbacks`,
    `  curl ${url}/_sim/callbacks`,
    '  more: test/simulator/README.md',
    '',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let running: Awaited<ReturnType<typeof startSimulator>> | undefined;
  let stopping = false;
  // Registered before listening, so a signal that arrives during start-up still exits cleanly.
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    if (!args.json) process.stdout.write(`\n${signal}: simulator stopped\n`);
    (running ? running.close() : Promise.resolve()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const options: SimulatorOptions = { port: args.port, rateLimit: args.rateLimit ?? null, callbacks: { url: args.callbackUrl } };
  try {
    running = await startSimulator(options);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `port ${args.port} is in use (try --port 0)` : e instanceof Error ? e.message : String(e));
  }
  if (stopping) return;
  process.stdout.write(args.json ? JSON.stringify({ url: running.url, port: running.port }) + '\n' : banner(running.url) + '\n');
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
