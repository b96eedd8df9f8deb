// The protocol core's public surface. Nothing here knows VS Code exists.
export * from './types';
export { DEMO_CREDENTIALS } from './demo';
export { basicAuthorization, digestHeaders, digestSignature, digestStringToSign, rfc1123Date, type DigestInput } from './auth';
export {
  DEFAULT_VERIFY_BASE_URL,
  ENDPOINT_IDS,
  ENDPOINTS,
  effectiveAuth,
  endpointBaseUrl,
  endpointPath,
  isEndpointId,
  type EndpointSpec,
  type ErrorFamily,
  type HostKind,
} from './endpoints';
export { isLoopbackUrl, validateBaseUrl, validateReferenceId, validateVerifyCode } from './validate';
export {
  actionsFor,
  cancelledError,
  configError,
  errorKindFor,
  httpError,
  invalidInputError,
  isRetryableKind,
  networkError,
  timeoutError,
  type HttpErrorInput,
} from './errors';
export { errorCodeOf, normalizeResponse, parseTelesignTimestamp, type NormalizeInput, type Normalized, type SuccessFields } from './normalize';
export {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  decideRetry,
  isRetryableAttempt,
  parseRetryAfter,
  systemClock,
  type AttemptResult,
  type RetryDecision,
  type RetryPolicy,
} from './retry';
export { buildRequestUrl, buildUserAgent, prepareRequest, sendsVerifyCode, summarizeRequest, type PreparedRequest, type UserAgentInfo } from './request';
export { DEFAULT_MAX_BODY_BYTES, getTransactionStatus } from './client';
export { API_KEY_ENV, CUSTOMER_ID_ENV, quoteBash, quotePowerShell, renderCurl } from './curl';
export { REDACTED, neutralizeControls, redact, redactDeep, redactSecrets } from './redact';
export { findSecret, secretForms, secretMatcher } from './secrets';
