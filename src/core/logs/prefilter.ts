// The fast path for UTF-8 logs: split a read into lines at the byte level and decode and scan only the lines
// that could hold a finding. Exact, because every finding the scanner reports needs one of:
//   a key   — every code key (code, status_code, statusCode, error_code, errorCode, err_code, errCode)
//             ends in the bytes "ode", then comes an optional quote, spaces and ':' or '=' (a byte ≥ 0x80
//             counts as a possible space: JavaScript's \s includes U+00A0, U+2028, U+FEFF…); escaped
//             quotes (`code\":`) and PHP's `[code] =>` allowed;
//   a negative code — the bytes "-" [1-9] "00" digit digit;
//   a reference ID  — a run of at least 32 ASCII hex digits;
//   a "<code> - <description>" — a digit, the bytes " - ", then an ASCII capital.
// A line with none of them gives no finding, so only its line number is counted. Lines that began in an
// earlier read (and the text after the last line end) go through the decoder and Accumulator.push as before.
import type { Accumulator } from './accumulator';
import type { TextDecoderLike } from './logFile';

const NL = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const ODE = Buffer.from('ode');
const SPACED_DASH = Buffer.from(' - ');

/** 1 for ASCII hex digits. */
const HEX = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

const isDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;

/** Next-occurrence cursors over one buffer; lines are asked about in increasing order. */
class Candidates {
  private ode = -1;
  private dash = -1;
  private spaced = -1;

  constructor(private readonly buf: Buffer) {}

  /** Whether buf[s, e) may hold a finding. */
  has(s: number, e: number): boolean {
    const b = this.buf;
    while (this.ode < e) {
      if (this.ode < s) {
        const o = b.indexOf(ODE, s);
        this.ode = o < 0 ? Infinity : o;
        continue;
      }
      if (keyEndsAt(b, this.ode + 3, e)) return true;
      const o = b.indexOf(ODE, this.ode + 1);
      this.ode = o < 0 ? Infinity : o;
    }
    while (this.dash !== Infinity) {
      if (this.dash < s) {
        const d = b.indexOf(DASH, s);
        this.dash = d < 0 ? Infinity : d;
        continue;
      }
      const d = this.dash;
      if (d >= e) break;
      if (
        d + 5 < e &&
        b[d + 1] >= 0x31 &&
        b[d + 1] <= 0x39 &&
        b[d + 2] === 0x30 &&
        b[d + 3] === 0x30 &&
        isDigit(b[d + 4]) &&
        isDigit(b[d + 5])
      ) {
        return true;
      }
      const n = b.indexOf(DASH, d + 1);
      this.dash = n < 0 ? Infinity : n;
    }
    while (this.spaced !== Infinity) {
      if (this.spaced < s) {
        const d = b.indexOf(SPACED_DASH, s);
        this.spaced = d < 0 ? Infinity : d;
        continue;
      }
      const d = this.spaced;
      if (d >= e) break;
      if (d > s && isDigit(b[d - 1]) && d + 3 < e && b[d + 3] >= 0x41 && b[d + 3] <= 0x5a) return true;
      const n = b.indexOf(SPACED_DASH, d + 1);
      this.spaced = n < 0 ? Infinity : n;
    }
    return hexRun(b, s, e);
  }
}

/** Whether buf[i, e) starts with \\* ["']? ]? \s* [:=], reading any non-ASCII byte as a possible space. */
function keyEndsAt(b: Buffer, i: number, e: number): boolean {
  while (i < e && b[i] === 0x5c) i++;
  if (i < e && (b[i] === 0x22 || b[i] === 0x27)) i++;
  if (i < e && b[i] === 0x5d) i++;
  while (i < e && (b[i] === 0x20 || (b[i] >= 0x09 && b[i] <= 0x0d) || b[i] >= 0x80)) i++;
  return i < e && (b[i] === 0x3a || b[i] === 0x3d);
}

/** A run of ≥ 32 hex digits in buf[s, e): every such run covers one of the bytes sampled 32 apart. */
function hexRun(b: Buffer, s: number, e: number): boolean {
  for (let i = s + 31; i < e;) {
    if (HEX[b[i]] === 0) {
      i += 32;
      continue;
    }
    let l = i;
    while (l > s && HEX[b[l - 1]] === 1) l--;
    let r = i + 1;
    while (r < e && HEX[b[r]] === 1) r++;
    if (r - l >= 32) return true;
    i = r + 32;
  }
  return false;
}

const nextEnd = (b: Buffer, from: number): number => {
  const nl = b.indexOf(NL, from);
  const cr = b.indexOf(CR, from);
  return cr >= 0 && (nl < 0 || cr < nl) ? cr : nl;
};

/**
 * Feeds one read of a UTF-8 log to `acc`. `midLine` says whether the previous read ended inside a line;
 * returns the same for this one. Equivalent to acc.push(decoder.write(chunk)).
 */
/** A further byte-level test a line must pass to be scanned (see wantedReferences). */
export type LineFilter = (buf: Buffer, start: number, end: number) => boolean;

/**
 * For a recount of some reference IDs and no codes: a line can only count if one of its 32-character windows
 * of ASCII hex is one of them (compared upper-cased, so never a miss; the scanner then decides exactly).
 */
export function wantedReferences(ids: readonly string[]): LineFilter {
  const wanted = new Set(ids.map((id) => id.toUpperCase()));
  return (b, s, e) => {
    let run = 0;
    for (let i = s; i < e; i++) {
      if (HEX[b[i]] === 0) {
        run = 0;
        continue;
      }
      if (++run >= 32 && wanted.has(b.toString('latin1', i - 31, i + 1).toUpperCase())) return true;
    }
    return false;
  };
}

export function pushUtf8(acc: Accumulator, decoder: TextDecoderLike, chunk: Buffer, midLine: boolean, filter?: LineFilter): boolean {
  const n = chunk.length;
  let a = 0;
  if (midLine) {
    const t = nextEnd(chunk, 0);
    if (t < 0) {
      acc.push(decoder.write(chunk));
      return true;
    }
    a = t + 1;
    if (chunk[t] === CR && a < n && chunk[a] === NL) a++;
    acc.push(decoder.write(chunk.subarray(0, a)));
  } else if (acc.afterCR) {
    acc.afterCR = false;
    if (n > 0 && chunk[0] === NL) a = 1;
  }
  const cands = new Candidates(chunk);
  let nl = chunk.indexOf(NL, a);
  let cr = chunk.indexOf(CR, a);
  while (nl >= 0 || cr >= 0) {
    const end = cr >= 0 && (nl < 0 || cr < nl) ? cr : nl;
    let next = end + 1;
    if (end === cr) {
      if (next === n) acc.afterCR = true;
      else if (chunk[next] === NL) next++;
    }
    if (cands.has(a, end) && (!filter || filter(chunk, a, end))) acc.finishLine(chunk.toString('utf8', a, end));
    else acc.skipLine();
    a = next;
    if (nl >= 0 && nl < a) nl = chunk.indexOf(NL, a);
    if (cr >= 0 && cr < a) cr = chunk.indexOf(CR, a);
  }
  if (a >= n) return false;
  acc.push(decoder.write(chunk.subarray(a)));
  return true;
}
