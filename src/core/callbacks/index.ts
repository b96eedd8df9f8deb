export { explainCallbackCodes, type ExplainedCode } from './explain';
export { FAMILY_LABELS } from './family';
export { maskBody, maskEmail, maskPhone, maskText } from './mask';
export { headerValue, MAX_CALLBACK_BYTES, parseCallback, readCallback } from './parse';
export { callbackDate } from './read';
export { aspectsChanged, serialisations, type Aspect, type Serialisation } from './reserialise';
export { callbackAuthorization, callbackSignature, parseTsaHeader, signCallback, signatureMatches, type CallbackCredentials } from './signature';
export { verifyCallbackSignature, type MismatchReason, type SignatureVerdict, type VerifyCallbackInput } from './verify';
export type * from './types';
