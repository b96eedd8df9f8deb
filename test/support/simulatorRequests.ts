// Shared by the simulator tests: signed requests with plain fetch and the core's own auth helpers.
import { randomUUID } from 'crypto';
import { basicAuthorization, digestHeaders, rfc1123Date } from '../../src/core/telesign/auth';
import { DEMO_CREDENTIALS } from '../../src/core/telesign/demo';
import type { Credentials } from '../../src/core/telesign/types';
import type { Simulator } from '../simulator/server';

export const DEMO: Credentials = DEMO_CREDENTIALS;

/** A parsed JSON body, read loosely: the tests assert on its fields directly. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = any;

export interface GetOptions {
  /** 'basic' (default), 'digest', 'none', or a raw Authorization value. */
  readonly auth?: 'basic' | 'digest' | 'digest-x-ts-date' | 'none' | { readonly raw: string };
  readonly credentials?: Credentials;
  /** Digest: override what is signed or sent. */
  readonly date?: string;
  readonly nonce?: string;
  readonly signPath?: string;
  readonly headers?: Record<string, string>;
  readonly redirect?: 'manual' | 'follow' | 'error';
}

export function authHeaders(sim: Simulator, path: string, o: GetOptions = {}): Record<string, string> {
  const creds = o.credentials ?? DEMO;
  const auth = o.auth ?? 'basic';
  if (auth === 'none') return {};
  if (typeof auth === 'object') return { Authorization: auth.raw };
  if (auth === 'basic') return { Authorization: basicAuthorization(creds.customerId, creds.apiKey) };
  return digestHeaders(creds.customerId, creds.apiKey, {
    method: 'GET',
    contentType: '',
    date: o.date ?? rfc1123Date(sim.clock.now()),
    nonce: o.nonce ?? randomUUID(),
    path: o.signPath ?? path.split('?')[0],
    useXTsDate: auth === 'digest-x-ts-date',
  });
}

export function get(sim: Simulator, path: string, o: GetOptions = {}): Promise<Response> {
  return fetch(sim.url + path, {
    headers: { ...authHeaders(sim, path, o), ...(o.headers ?? {}) },
    redirect: o.redirect ?? 'manual',
  });
}

export async function getJson(sim: Simulator, path: string, o: GetOptions = {}): Promise<{ status: number; body: Body; res: Response }> {
  const res = await get(sim, path, o);
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text), res };
}

export function admin(sim: Simulator, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(sim.url + path, {
    method,
    headers: body === undefined && method !== 'POST' ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? (method === 'POST' ? '{}' : undefined) : JSON.stringify(body),
  });
}
