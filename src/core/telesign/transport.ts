// One HTTP attempt, and nothing else: node-fetch with its own timeout, a body size cap, redirects returned
// (never followed with the key). What the attempt means for the lookup is attemptError.ts's business.

/** What one HTTP attempt ended with, before normalisation. */
export type RawAttempt =
  | {
      readonly type: 'response';
      readonly status: number;
      readonly contentType: string | null;
      readonly retryAfter: string | null;
      readonly body: string;
    }
  | { readonly type: 'redirect'; readonly status: number; readonly location: string | undefined }
  | { readonly type: 'too-large'; readonly status: number }
  | { readonly type: 'network'; readonly code?: string; readonly message: string; readonly status?: number }
  | { readonly type: 'timeout' }
  | { readonly type: 'cancelled' };

export interface Sent {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** GET unless given (finalize.ts sends a PATCH). */
  readonly method?: 'GET' | 'PATCH';
  /** The request body, exactly as signed. */
  readonly body?: string;
}

// node-fetch v3 is ESM-only; a dynamic import keeps this CommonJS module type-correct, and esbuild
// bundles it like a static one.
const importFetch = () => import('node-fetch');
let fetchModule: ReturnType<typeof importFetch> | undefined;
function loadFetch(): ReturnType<typeof importFetch> {
  fetchModule ??= importFetch();
  return fetchModule;
}

export function errorFields(e: unknown): { code?: string; message: string; name?: string } {
  if (typeof e !== 'object' || e === null) return { message: String(e) };
  const o = e as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown };
  let code = typeof o.code === 'string' ? o.code : undefined;
  // Some errors wrap the system error that carries the code.
  if (code === undefined && typeof o.cause === 'object' && o.cause !== null) {
    const c = (o.cause as { code?: unknown }).code;
    if (typeof c === 'string') code = c;
  }
  return {
    ...(code !== undefined ? { code } : {}),
    message: typeof o.message === 'string' ? o.message : 'unknown error',
    ...(typeof o.name === 'string' ? { name: o.name } : {}),
  };
}

/**
 * One request (a GET unless `sent.method` says otherwise) with its own timeout. Uses Node's http/https through node-fetch with no custom agent, so
 * VS Code's proxy support applies. Redirects are returned, never followed with the key.
 */
export async function attemptOnce(
  sent: Sent,
  timeoutMs: number,
  maxBodyBytes: number,
  signal: AbortSignal | undefined,
): Promise<RawAttempt> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCancel = (): void => controller.abort();
  signal?.addEventListener('abort', onCancel, { once: true });
  let status: number | undefined;
  try {
    const { default: fetch } = await loadFetch();
    if (signal?.aborted) return { type: 'cancelled' };
    const res = await fetch(sent.url, {
      method: sent.method ?? 'GET',
      headers: sent.headers,
      ...(sent.body !== undefined ? { body: sent.body } : {}),
      redirect: 'manual',
      signal: controller.signal,
    });
    status = res.status;
    if (status >= 300 && status < 400) {
      // Abort rather than drain: once this returns the timer is cleared, so a server that streams after its
      // redirect would be read with no size cap and no timeout.
      const location = res.headers.get('location') ?? undefined;
      controller.abort();
      return { type: 'redirect', status, location };
    }
    const declared = Number(res.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      controller.abort();
      return { type: 'too-large', status };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
        size += buf.length;
        if (size > maxBodyBytes) {
          controller.abort();
          return { type: 'too-large', status };
        }
        chunks.push(buf);
      }
    }
    return {
      type: 'response',
      status,
      contentType: res.headers.get('content-type'),
      retryAfter: res.headers.get('retry-after'),
      body: Buffer.concat(chunks).toString('utf8'),
    };
  } catch (e) {
    if (signal?.aborted) return { type: 'cancelled' };
    if (timedOut) return { type: 'timeout' };
    const { code, message } = errorFields(e);
    return { type: 'network', ...(code !== undefined ? { code } : {}), message, ...(status !== undefined ? { status } : {}) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCancel);
  }
}
