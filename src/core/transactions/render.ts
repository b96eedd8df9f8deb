// Plain-text views of a stored lookup: the comparable summary (two of them side by side make the Compare
// diff), the list of what changed, and "Show Request Sent". Labels come from the caller so the shell can
// localise them; the defaults are English.
import type { StoredLookup } from './stored';

export interface Line {
  /** Stable key, e.g. `status`, `channel.viber`. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

/** The fields a person compares, in reading order. Timing lines come last: they always differ. */
export function comparableLines(s: StoredLookup): Line[] {
  const o = s.outcome;
  const lines: Line[] = [
    { key: 'reference', label: 'Reference ID', value: o.referenceId },
    { key: 'endpoint', label: 'Endpoint', value: o.request.endpoint },
    { key: 'profile', label: 'Profile', value: s.profile.name },
  ];
  if (o.ok) {
    lines.push({ key: 'http', label: 'HTTP', value: String(o.httpStatus) });
    lines.push({ key: 'status', label: 'Status', value: `${o.status.code ?? '-'} ${o.status.description}`.trim() });
    if (o.status.lastChannel) lines.push({ key: 'lastChannel', label: 'Last channel', value: o.status.lastChannel });
    if (o.status.updatedOn) lines.push({ key: 'updatedOn', label: 'Status updated', value: o.status.updatedOn });
    if (o.verify) lines.push({ key: 'verify', label: 'Verify', value: o.verify.state });
    if (o.state !== undefined) lines.push({ key: 'state', label: 'Verify API state', value: o.state });
    for (const c of o.channels) {
      lines.push({ key: `channel.${c.channel}`, label: `Channel ${c.channel}`, value: `${c.code ?? '-'} ${c.description}`.trim() });
    }
    for (const e of o.errors) lines.push({ key: `error.${e.code}`, label: 'Error', value: `${e.code} ${e.description}` });
  } else {
    if (o.error.httpStatus !== undefined) lines.push({ key: 'http', label: 'HTTP', value: String(o.error.httpStatus) });
    lines.push({ key: 'error', label: 'Error', value: `${o.error.kind}${o.error.code !== undefined ? ` ${o.error.code}` : ''}` });
    lines.push({ key: 'message', label: 'Message', value: o.error.message });
  }
  lines.push({ key: 'otp', label: 'OTP sent', value: s.otpSent ? 'yes (not kept)' : 'no' });
  lines.push({ key: 'at', label: 'Looked up at', value: s.at });
  lines.push({ key: 'duration', label: 'Duration', value: `${o.timing.durationMs} ms` });
  lines.push({ key: 'attempts', label: 'Attempts', value: String(o.attempts) });
  return lines;
}

export function comparableText(s: StoredLookup): string {
  const lines = comparableLines(s);
  const width = Math.max(...lines.map((l) => l.label.length));
  return lines.map((l) => `${l.label.padEnd(width)}  ${l.value}`).join('\n') + '\n';
}

export interface Change {
  readonly key: string;
  readonly label: string;
  readonly before?: string;
  readonly after?: string;
}

/** What differs from `a` (older) to `b` (newer), the timing lines included. */
export function changes(a: StoredLookup, b: StoredLookup): Change[] {
  const before = new Map(comparableLines(a).map((l) => [l.key, l]));
  const after = new Map(comparableLines(b).map((l) => [l.key, l]));
  const out: Change[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(key);
    const y = after.get(key);
    if (x?.value === y?.value) continue;
    out.push({ key, label: (y ?? x)?.label ?? key, ...(x ? { before: x.value } : {}), ...(y ? { after: y.value } : {}) });
  }
  return out;
}

/** "Show Request Sent": one block per attempt, with why the next one followed. */
export function requestText(s: StoredLookup): string {
  const o = s.outcome;
  const out: string[] = [
    `# Request sent for ${o.referenceId}`,
    `# Profile ${s.profile.name} (${o.request.auth}), ${s.at}, ${o.timing.durationMs} ms in total, ${o.attempts} attempt(s)`,
    '# Authorization is redacted; the API key is never stored.',
    '',
  ];
  if (s.attempts.length === 0) {
    out.push(`${o.request.method} ${o.request.url}`, '', '(not sent: the lookup was refused before any request)');
    return out.join('\n') + '\n';
  }
  for (const a of s.attempts) {
    const result = a.status !== undefined ? `HTTP ${a.status}` : (a.error ?? 'no answer');
    out.push(`## Attempt ${a.attempt}: ${result} in ${a.durationMs} ms`);
    out.push(`${a.method} ${a.url}`);
    for (const [k, v] of Object.entries(a.headers)) out.push(`${k}: ${v}`);
    if (a.stringToSign !== undefined) {
      out.push('', 'Digest string-to-sign (lines between the markers):', '-----', a.stringToSign, '-----');
    }
    if (a.retryInMs !== undefined) out.push('', `Retried in ${a.retryInMs} ms because: ${a.error ?? result}`);
    else if (a.error !== undefined) out.push('', `Result: ${a.error}`);
    out.push('');
  }
  return out.join('\n');
}
