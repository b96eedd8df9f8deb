// Our explanations for the Verify API codes in ../facts/verifyApi.mjs.
// Same layout as the other prose tables: family → code → [explanation, action, retryable].
const N = false;

export default {
  'verify-api': {
    3101: [
      'verify.telesign.com refused to create the verification process because recipient.phone_number is not a usable number: too long, too short, or not digits only.',
      'Send the number as digits only with its country dialing code (e.g. 15555550100), no +, spaces or dashes; check the value your form collected.',
      N,
    ],
    3103: [
      'The external_id you attached to the verification is over 100 characters or holds non-ASCII characters, so the Verify API rejected the request.',
      'Shorten external_id to at most 100 ASCII characters (an order or session ID, not a whole payload).',
      N,
    ],
    3110: [
      'The Verify API could not read the request: the JSON body is malformed or not shaped as the /verification operations expect.',
      'Check that the body is valid JSON sent with Content-Type: application/json and that verification_policy, recipient and action are objects/arrays as documented.',
      N,
    ],
    3302: [
      'The request to create a verification process carried no recipient.phone_number, which the Verify API requires.',
      'Put the number under recipient.phone_number (not at the top level) and make sure it is not empty.',
      N,
    ],
    3400: [
      'verify.telesign.com did not accept your credentials for this operation, or the account has no permission for it.',
      'Check the Customer ID and API key of this profile and that the Verify API is enabled for the account; on verify.telesign.com use the credentials Telesign issued for it.',
      N,
    ],
    3500: [
      'The Verify API was temporarily unavailable and did not handle the request.',
      'Send the same request again after a short back-off.',
      true,
    ],
  },
  'verify-api-inner': {
    3901: [
      'Inside inner_methods this is the per-method result "Request in progress": Telesign has started this verification method (e.g. sent the SMS or started the silent check) and has no outcome yet.',
      "Wait for the end user or for the method's fallback time; the process moves on to the next method if this one does not complete.",
      true,
    ],
    3000: [
      "Inside inner_methods this means the message or call of this verification method reached the end user's device; it says nothing yet about whether they completed the check.",
      'Nothing to fix; finalize the process with the code the user enters (PATCH /verification/{reference_id}/state).',
      N,
    ],
  },
};
