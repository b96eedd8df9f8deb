// The one check of a lookup's input, and its messages. The command (before prompting), the lookup service
// (before resolving credentials) and the client (before sending) all ask this module, so a wrong reference
// ID, code or endpoint is described the same way wherever it is caught.
import { ENDPOINT_IDS, ENDPOINTS, isEndpointId } from './endpoints';
import { configError, invalidInputError } from './errors';
import type { EndpointId, LookupError, LookupRequest } from './types';
import { validateReferenceId, validateVerifyCode } from './validate';

/** Endpoints whose status lookup takes the end user's OTP (`verify_code`). */
export const CODE_ENDPOINTS: readonly EndpointId[] = ENDPOINT_IDS.filter((id) => ENDPOINTS[id].acceptsVerifyCode);

/** Untyped arguments as a caller passes them (the public API, command links, the panel). */
export interface RawLookupArgs {
  readonly referenceId?: unknown;
  readonly verifyCode?: unknown;
  readonly endpoint?: unknown;
  readonly profile?: unknown;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function unknownEndpointMessage(endpoint: unknown): string {
  return `Unknown endpoint ${JSON.stringify(endpoint) ?? String(endpoint)}; use one of ${ENDPOINT_IDS.join(', ')}.`;
}

export function noOtpMessage(endpoint: EndpointId): string {
  return `The ${ENDPOINTS[endpoint].label} endpoint takes no OTP; look it up without a code, or verify codes with the ${orList(CODE_ENDPOINTS)} endpoint.`;
}

export function noProfileMessage(name: string | undefined): string {
  return name !== undefined
    ? `There is no Telesign profile named “${name}” in your user settings (telesign.profiles).`
    : 'No Telesign profile is configured; add one to telesign.profiles in your user settings.';
}

/** A missing profile: a config error whose fix is choosing (or adding) a profile. */
export function noProfileError(name: string | undefined): LookupError {
  return { ...configError(noProfileMessage(name)), actions: ['select-profile'] };
}

/** Arguments of the wrong type: prompting cannot fix them, so they are refused at once. */
export function argumentTypeProblem(args: RawLookupArgs): LookupError | undefined {
  if (args.endpoint !== undefined && !isEndpointId(args.endpoint)) return invalidInputError(unknownEndpointMessage(args.endpoint));
  if (args.verifyCode !== undefined && typeof args.verifyCode !== 'string') {
    return invalidInputError('verifyCode must be a string of digits.');
  }
  if (args.profile !== undefined && typeof args.profile !== 'string') return invalidInputError('profile must be a profile name (string).');
  return undefined;
}

/** What is wrong with a request (reference ID, code, the endpoint's rules), or undefined when it can be sent. */
export function requestProblem(request: LookupRequest): LookupError | undefined {
  if (!isEndpointId(request.endpoint)) return invalidInputError(unknownEndpointMessage(request.endpoint));
  const refProblem = validateReferenceId(typeof request.referenceId === 'string' ? request.referenceId : '');
  if (refProblem) return invalidInputError(refProblem);
  if (request.verifyCode !== undefined && request.verifyCode !== '') {
    const codeProblem = validateVerifyCode(request.verifyCode);
    if (codeProblem) return invalidInputError(codeProblem);
    // Silently dropping the code would look like a failed verification; say it instead.
    if (!ENDPOINTS[request.endpoint].acceptsVerifyCode) return invalidInputError(noOtpMessage(request.endpoint));
  }
  return undefined;
}

/** The request untyped arguments describe (trimmed), with `fallback` as the endpoint when they name none or a wrong one. */
export function requestOf(args: RawLookupArgs, fallback: EndpointId): LookupRequest {
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);
  const verifyCode = text(args.verifyCode);
  return {
    endpoint: isEndpointId(args.endpoint) ? args.endpoint : fallback,
    referenceId: text(args.referenceId) ?? '',
    ...(verifyCode ? { verifyCode } : {}),
  };
}
