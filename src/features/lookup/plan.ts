// Where a lookup would go, worked out before anything is sent: the profile, the host its endpoint is served
// from, and whether it is a local demo. What asks the user first (the batch, the assistant's lookup tool)
// names these in its question.
import { endpointBaseUrl, NO_VERIFY_HOST_MESSAGE } from '../../core/telesign/endpoints';
import { noProfileMessage, unknownEndpointMessage } from '../../core/telesign/lookupInput';
import type { EndpointId } from '../../core/telesign/types';
import { activeProfile, defaultEndpoint, isEndpointId, profileByName, targetOf } from '../settings';

export interface LookupPlan {
  readonly profile: string;
  /** The origin requests go to. */
  readonly host: string;
  readonly endpoint: EndpointId;
  readonly demo: boolean;
}

/** The plan, or a sentence saying why the lookup cannot run. */
export function planLookup(input: { readonly profile?: string; readonly endpoint?: unknown }): LookupPlan | string {
  const profile = input.profile !== undefined ? profileByName(input.profile) : activeProfile();
  if (!profile) return noProfileMessage(input.profile);
  if (input.endpoint !== undefined && !isEndpointId(input.endpoint)) return unknownEndpointMessage(input.endpoint);
  const endpoint = input.endpoint ?? defaultEndpoint();
  const base = endpointBaseUrl(targetOf(profile), endpoint);
  if (base === undefined) return NO_VERIFY_HOST_MESSAGE;
  try {
    return { profile: profile.name, host: new URL(base).origin, endpoint, demo: profile.demo };
  } catch {
    return `The profile "${profile.name}" has an invalid base URL.`;
  }
}
