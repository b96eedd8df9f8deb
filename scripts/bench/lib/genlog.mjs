// Generated logs for the big-log and link benchmarks: gateway-style lines (plain, key=value and JSON) with
// Telesign codes, HTTP statuses, ports, sizes and reference IDs, plus the fixture corpus. A ~4 MiB block of
// varied lines is written repeatedly up to the size asked (cut at a line end), so 1 GB takes seconds.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

const CODES = ['3000', '3001', '3003', '3112', '3204', '3041', '3311', '290', '200', '103', '10017', '-10004', '-30006', '-40007', '-10001'];
const pick = (a, i) => a[i % a.length];
const ref = () => randomBytes(16).toString('hex').toUpperCase();
const ts = (i) => `2026-11-23T${String(8 + ((i / 3600) | 0) % 12).padStart(2, '0')}:${String(((i / 60) | 0) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z`;

/** One line; `withRef` decides whether it carries a reference ID. */
function line(i, withRef) {
  const r = withRef ? ref() : null;
  const code = pick(CODES, i * 7);
  switch (i % 8) {
    case 0:
      return `${ts(i)} INFO  gateway GET /v1/omnichannel/${r ?? 'status'} -> 200 in ${(i % 400) + 20} ms`;
    case 1:
      return `{"level":"info","ts":"${ts(i)}","msg":"telesign response",${r ? `"reference_id":"${r}",` : ''}"status":{"code":${code},"description":"Delivered","updated_on":"${ts(i)}"}}`;
    case 2:
      return `${ts(i)} DEBUG db pool size=10 idle=${i % 10} wait_ms=${i % 17} port=5432 rows=${i % 1000} bytes=${(i * 37) % 65536}`;
    case 3:
      return `${ts(i)} WARN  verify failed ${r ? `reference_id=${r} ` : ''}errors=[{"code":${pick(['-30006', '-10004', '-40007'], i)},"description":"Invalid Signature."}]`;
    case 4:
      return `${ts(i)} INFO  http client status_code=200 latency_ms=${i % 900} url=https://api.example.com/orders/${i}`;
    case 5:
      return `${ts(i)} ERROR worker job ${i} failed: timeout after 30000 ms (attempt ${i % 5}/5) pid=${4000 + (i % 300)}`;
    case 6:
      return `${ts(i)} INFO  sms sent to +1555${String(i % 10000000).padStart(7, '0')} code=${code} sub_resource=sms${r ? ` ref=${r}` : ''}`;
    default:
      return `${ts(i)} INFO  request id=${(i * 2654435761) % 4294967296} user=u${i % 5000} path=/api/v2/items?page=${i % 50} size=${i % 100}`;
  }
}

function corpusLines() {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'logs', 'corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).line.replace(/\n/g, ' '));
}

/**
 * Writes about `bytes` of log to `file`. `refEvery`: one line in N carries a reference ID (the corpus
 * lines keep theirs only when refEvery <= 8). Returns { bytes, lines, blockLines }.
 */
export function generateLog(file, bytes, { refEvery = 4 } = {}) {
  const corpus = refEvery <= 8 ? corpusLines() : corpusLines().filter((l) => !/[0-9A-Fa-f]{32}/.test(l));
  const parts = [];
  let size = 0;
  for (let i = 0; size < Math.min(bytes, 4 << 20); i++) {
    const l = (i % 25 === 24 ? corpus[(i / 25) % corpus.length | 0] : line(i, ((i >> 3) + i) % refEvery === 0)) + '\n';
    parts.push(l);
    size += Buffer.byteLength(l);
  }
  const block = Buffer.from(parts.join(''));
  const fd = openSync(file, 'w');
  let written = 0;
  let lines = 0;
  try {
    while (written + block.length <= bytes) {
      writeSync(fd, block);
      written += block.length;
      lines += parts.length;
    }
    const rest = block.subarray(0, block.lastIndexOf(10, bytes - written - 1) + 1);
    if (rest.length > 0) {
      writeSync(fd, rest);
      written += rest.length;
      lines += rest.toString().split('\n').length - 1;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes: written, lines, blockLines: parts.length, blockBytes: block.length };
}

/**
 * Writes about `bytes` of log to `file` with every line generated afresh (no repeated block): timestamps,
 * counters and reference IDs keep changing, so caches and branch predictors see a real log's variety.
 * A reference ID comes back on a few later lines, as a transaction's request, callback and status do.
 * `telesignEvery`: only one line in N is of the Telesign-related kinds; the others are the plain kinds
 * (database, worker, request lines), as in an application log where Telesign is one dependency of many.
 */
export function generateDistinctLog(file, bytes, { refEvery = 4, telesignEvery = 1 } = {}) {
  const PLAIN = [2, 5, 7];
  const corpus = corpusLines();
  const fd = openSync(file, 'w');
  let written = 0;
  let lines = 0;
  const recent = [];
  try {
    for (let i = 0; written < bytes; ) {
      const parts = [];
      let size = 0;
      for (; size < 1 << 20 && written + size < bytes; i++) {
        let l;
        if (i % 25 === 24 && (i / 25) % telesignEvery === 0) l = corpus[(i / 25) % corpus.length | 0];
        else if (i % telesignEvery !== 0) l = line(PLAIN[i % 3] + 8 * i, false);
        else {
          const withRef = ((i >> 3) + i) % refEvery === 0;
          l = line(i + 1_000_003 * ((i / 4000) | 0), withRef);
          if (withRef && recent.length > 0 && i % 3 === 0) l = l.replace(/[0-9A-F]{32}/, recent[i % recent.length]);
          const m = withRef ? /[0-9A-F]{32}/.exec(l) : null;
          if (m) recent[i % 64] = m[0];
        }
        l += '\n';
        parts.push(l);
        size += Buffer.byteLength(l);
      }
      const chunk = Buffer.from(parts.join(''));
      writeSync(fd, chunk);
      written += chunk.length;
      lines += parts.length;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes: written, lines };
}

