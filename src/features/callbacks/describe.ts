// What is said about a kept callback, in one place for the tree, the opened document and command results:
// family, reference ID, status code and its meaning in this callback's context, the signature verdict and the
// app's answer. End-user data (phone numbers, message text) appears masked unless the user chose to reveal it.
import type { Catalog } from '../../core/catalog';
import { explainCallbackCodes } from '../../core/callbacks';
import type { EndpointId } from '../../core/telesign/types';
import { verdictLabel } from './signing';
import type { CallbackEntry } from './store';

/** A kept callback as command results and the API return it (no key, no unmasked end-user data). */
export interface CallbackSummary {
  readonly id: number;
  readonly receivedAt: string;
  readonly source: 'listener' | 'test';
  readonly family: string;
  readonly label: string;
  readonly referenceId?: string;
  readonly statusCode: number | null;
  readonly statusMeaning?: string;
  readonly signature: { readonly kind: string; readonly reason?: string; readonly message: string };
  readonly forward?: { readonly url: string; readonly status?: number; readonly error?: string; readonly ms: number } | 'pending';
  readonly parseError?: string;
}

/** The best catalog text of the callback's main status code, ranked by where the code sits. */
export function statusMeaning(entry: CallbackEntry, catalog: Catalog | undefined): string | undefined {
  if (!entry.parsed.ok || !catalog) return undefined;
  const cb = entry.parsed.callback;
  const main = cb.codes.find((c) => c.path === 'status.code') ?? cb.codes[0];
  if (!main) return undefined;
  return catalog.explain(main.code, main.context)[0]?.entry.text ?? main.description;
}

export function summarize(entry: CallbackEntry, catalog: Catalog | undefined): CallbackSummary {
  const p = entry.parsed;
  const v = entry.verdict;
  const f = entry.forward;
  return {
    id: entry.id,
    receivedAt: entry.receivedAt,
    source: entry.source,
    family: p.ok ? p.callback.family : 'unreadable',
    label: p.ok ? p.callback.label : 'Unreadable callback',
    referenceId: p.ok ? p.callback.referenceId : undefined,
    statusCode: p.ok ? (p.callback.status.code ?? p.callback.codes[0]?.code ?? null) : null,
    statusMeaning: statusMeaning(entry, catalog),
    signature: { kind: v.kind, ...(v.kind === 'invalid' ? { reason: v.reason } : {}), message: v.message },
    forward: f === undefined || f === 'pending' ? f : { url: f.url, status: f.status, error: f.error, ms: Math.round(f.ms * 100) / 100 },
    ...(p.ok ? {} : { parseError: p.error }),
  };
}

/** The status endpoint that knows this callback's transaction. */
export function endpointOf(entry: CallbackEntry): EndpointId | undefined {
  if (!entry.parsed.ok) return undefined;
  switch (entry.parsed.callback.family) {
    case 'messaging-delivery':
    case 'messaging-read':
    case 'inbound':
      return 'omnichannel';
    case 'sms-delivery':
    case 'bulk-sms':
      return 'messaging';
    case 'sms-verify-delivery':
    case 'voice-verify-delivery':
      return 'verify';
    case 'verify-api':
      return 'verification';
    default:
      return undefined;
  }
}

function line(s: string): string {
  return `// ${s.replace(/[\r\n]+/g, ' ')}`;
}

/** The read-only document a callback opens as: comments explaining it, then the pretty (masked) body. */
export function documentText(entry: CallbackEntry, catalog: Catalog | undefined, reveal: boolean): string {
  const p = entry.parsed;
  const s = summarize(entry, catalog);
  const out = [line(`${s.label} #${entry.id}, received ${entry.receivedAt} (${entry.method} ${entry.path})`)];
  if (s.referenceId) out.push(line(`Reference ID: ${s.referenceId}`));
  out.push(line(`Signature: ${verdictLabel(entry.verdict)}. ${entry.verdict.message}`));
  const f = s.forward;
  if (f === 'pending') out.push(line('App: waiting for its answer'));
  else if (f) out.push(line(`App: ${f.url} answered ${f.status ?? f.error} in ${f.ms} ms`));
  if (!p.ok) {
    out.push(line(p.error), '', entry.body.toString('utf8'));
    return out.join('\n') + '\n';
  }
  const cb = p.callback;
  if (catalog) {
    out.push(line('Codes:'));
    for (const c of explainCallbackCodes(cb, catalog)) {
      const m = c.matches[0]?.entry;
      out.push(line(`  ${c.path} = ${c.code}: ${m ? `${m.text}. ${m.explanation} ${m.action}` : (c.description ?? 'not in the catalog')}`));
    }
  }
  const phone = cb.phone(reveal);
  if (phone) out.push(line(`Phone: ${phone}`));
  const text = cb.text(reveal);
  if (text) out.push(line(`Message: ${text}`));
  for (const n of cb.notes) out.push(line(`Note: ${n}`));
  out.push(
    line(
      reveal
        ? 'End-user data revealed (Telesign: Toggle Callback Data Masking hides it).'
        : 'Phone numbers and message text are masked (Telesign: Toggle Callback Data Masking reveals them).',
    ),
  );
  const body = reveal ? p.body : cb.maskedBody();
  out.push(JSON.stringify(body, null, 2));
  return out.join('\n') + '\n';
}
