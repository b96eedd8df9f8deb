export { explainCallbackCodes, type ExplainedCode } from './explain';
export { FAMILY_LABELS } from './family';
export { maskBody, maskEmail, maskPhone, maskText } from './mask';
export { headerValue, MAX_CALLBACK_BYTES, parseCallback, readCallback } from './parse';
export { callbackDate } from './read';
export { aspectsChanged, serialisations, type Aspect, type Serialisation } from './reserialise';
export {
  callbackAuthorization,
  callbackSignature,
  parseTsaHeader,
  signCallback,
  signatureMatches,
  type CallbackCredentials,
} from './signature';
export { verifyCallbackSignature, type MismatchReason, type SignatureVerdict, type VerifyCallbackInput } from './verify';
export type * from './types';
export { renderCallbackCurl, type CallbackCurlInput } from './curl';
export { DEFAULT_FORWARD_TIMEOUT_MS, forwardCallback, type ForwardRequest, type ForwardResult } from './forward';
export {
  CallbackListener,
  DEFAULT_LISTENER_PORT,
  isOwnHost,
  LISTENER_HOST,
  type ListenerOptions,
  type ReceivedCallback,
  type Refusal,
} from './listener';
export { isTestCallbackKind, newReferenceId, TEST_CALLBACK_KINDS, testCallbackBody, type TestCallbackKind } from './samples';
