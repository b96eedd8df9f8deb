// Our explanations for the error families: negative errors[] codes (SMS/Voice Verify and friends), the
// positive SMS API codes, Phone ID / Intelligence, Number Masking, Silent Verify and the Accounts API.
// Same shape as messaging.mjs.
const Y = true;
const N = false;

const TWELVE_HOURS = 'Query within 12 hours of sending (3–5 minutes after is ideal), or use callbacks instead of late polling.';

export default {
  'verify-error': {
    '-10001 Invalid Request: ReferenceID Parameter: <reference_id>': [
      'The reference ID in the request path is not acceptable (the text echoes the value, e.g. "None" when the variable was empty).',
      'Check the reference ID variable is set and is the 32-hex ID from the send response.',
      N,
    ],
    '-10001 Invalid Request: CustomerID Parameter: <customer_id>': [
      'The customer ID sent with the request is not a valid value (the text echoes what was sent).',
      'Check the customer ID in your credentials; copy it again from the portal.',
      N,
    ],
    '-10001 Not Allowed Host': [
      'Here -10001 means your request came from an IP address that is not allowed for the account.',
      "Ask Telesign support to add your server's public IP to the account's allowed hosts.",
      N,
    ],
    '-10001 CustomerID/ReferenceID not found': [
      'Telesign found no transaction for this reference ID under this customer ID (HTTP 404), e.g. an ID from another account or a typo.',
      'Check the reference ID and that you query with the same customer ID that sent the message.',
      N,
    ],
    '-10001 Invalid parameter passed': [
      'On the completion call, a parameter failed validation.',
      'Check the parameters of PUT /v1/verify/completion/{ref}, especially the reference ID.',
      N,
    ],
    '-10001 Invalid Request: Missing parameter Parameter: Template': [
      'The bulk SMS request has no template parameter, which it needs.',
      'Add the template to the /v1/verify/bulk_sms request.',
      N,
    ],
    '-10002': ['The bulk request lists no recipients.', 'Include at least one recipient in the bulk request.', N],
    '-10003': [
      'The bulk request lists more recipients than one request may carry.',
      'Split the recipients into several smaller bulk requests.',
      N,
    ],
    '-10004': [
      'The reference ID is older than the 12-hour status window, so SMS Verify / Voice Verify no longer return its status (status.code is then 599).',
      TWELVE_HOURS,
      N,
    ],
    '-10009': [
      'The request came from a source IP the account does not allow.',
      "Add the caller's public IP to the account allowlist with Telesign.",
      N,
    ],
    '-10030': ['The prepaid wallet does not hold enough credit for this transaction.', 'Top up the prepaid balance and retry.', N],
    '-10033': [
      'On a trial account you may only send to numbers you verified first, and this one was not.',
      'Verify the destination number in the portal, or upgrade the account.',
      N,
    ],
    '-20001 Invalid Request: CustomerID Parameter: <customer_id>': [
      'The customer ID in the Authorization header was rejected as invalid (HTTP 401).',
      'Check the customer ID part of the credentials for typos or stray whitespace.',
      N,
    ],
    '-20001 Invalid request': [
      'Generic form of -20001: the request was refused as invalid, without naming the parameter.',
      'Compare the whole request (path, parameters, headers) with the API reference.',
      N,
    ],
    '-20002': [
      'The product you called (e.g. SMS Verify or Voice Verify) is not enabled for your customer ID.',
      'Ask Telesign support to enable the product for the account.',
      N,
    ],
    '-20003': [
      'A feature used by the request (for example a parameter-driven option) is not enabled for your customer ID.',
      'Remove the feature from the request or ask support to enable it.',
      N,
    ],
    '-20004': [
      'The product is not enabled for the destination country of this request.',
      'Ask Telesign to enable the country for the product, or do not send there.',
      N,
    ],
    '-30000': [
      'The customer ID in the credentials is not a valid Telesign customer ID.',
      'Copy the customer ID from the portal (GUID format) and check the host matches the account.',
      N,
    ],
    '-30001': [
      'The account for this customer ID is suspended, so every request is refused.',
      'Contact Telesign support or your account manager.',
      N,
    ],
    '-30002': [
      'The account for this customer ID has not been activated yet.',
      'Finish account activation with Telesign before calling the API.',
      N,
    ],
    '-30003': [
      'The new account has reached the usage limit Telesign sets on fresh accounts.',
      'Ask Telesign to lift the new-account limit.',
      N,
    ],
    '-30004': [
      'The request had no Authorization header, so Telesign could not tell who is calling.',
      'Send an Authorization header (Basic or TSA) on every request, including status GETs.',
      N,
    ],
    '-30005': [
      'The Authorization header could not be parsed (wrong scheme word, missing colon, bad base64).',
      'Use "Basic base64(customer_id:api_key)" or "TSA customer_id:signature".',
      N,
    ],
    '-30006': [
      'Telesign computed a different digest signature than the one you sent, so the string-to-sign or the key differs.',
      'Sign method, content type, date, x-ts-* headers, the body (POST/PUT only) and the path without its query string, keyed with the base64-decoded API key; compare with signature_string in the 401 body.',
      N,
    ],
    '-30007': [
      'A digest-signed request arrived without a Date or x-ts-date header.',
      'Send a Date (or x-ts-date) header and sign exactly that value.',
      N,
    ],
    '-30008': [
      'The x-ts-auth-method header is not a value Telesign accepts.',
      'Send x-ts-auth-method: HMAC-SHA256 and sign the same value.',
      N,
    ],
    '-30009': [
      'The Date / x-ts-date header is not in RFC 822/1123 form.',
      'Format the date like "Tue, 31 Jan 2024 19:36:42 GMT" (toUTCString()).',
      N,
    ],
    '-30010': [
      "The request's Date / x-ts-date is too far from Telesign's clock, so the signature is treated as stale.",
      'Sync the server clock (NTP) and generate the date at request time, not once at startup.',
      N,
    ],
    '-30011': ['The x-ts-nonce header has a length Telesign rejects.', 'Use a fresh UUID (36 characters) as the nonce.', N],
    '-30012': [
      'The same x-ts-nonce was sent recently, so Telesign treats the request as a replay.',
      'Generate a new nonce for every request, including retries.',
      N,
    ],
    '-30013': [
      'The completion call named a reference ID that does not exist or cannot be completed.',
      'Report completion with the reference ID of the verification you actually sent.',
      N,
    ],
    '-30014': [
      'The App Verify finalize request was rejected as invalid (HTTP 400).',
      "Check the App Verify finalize call's parameters and reference ID.",
      N,
    ],
    '-30015': [
      'The API key sent is not valid for this customer ID on the Verify endpoints.',
      'Copy the API key again from the portal; it must belong to this customer ID.',
      N,
    ],
    '-40001': [
      'No status is available for this transaction right now (HTTP 404).',
      'Check the reference ID; if it is correct, query again later.',
      Y,
    ],
    '-40002': [
      'Authorization failed or the credentials lack access to this resource.',
      'Check credentials and that the account has the product you are calling.',
      N,
    ],
    '-40004': ['The URL path does not match any Telesign resource (HTTP 404).', 'Check the path (e.g. /v1/verify/{ref}) and the host.', N],
    '-40005': [
      'The HTTP method is not allowed on this endpoint (HTTP 405).',
      'Use the documented method (GET for status, POST to send, PUT for completion).',
      N,
    ],
    '-40006': ['Telesign could not accept the request as sent (HTTP 400).', 'Check parameters, encoding (UTF-8) and Content-Type.', N],
    '-40007': [
      'Your account sent requests faster than its rate limit, so this one was refused (HTTP 429).',
      'Back off exponentially with jitter and honour Retry-After if present.',
      Y,
    ],
    '-40008': [
      "The product reached your account's hard cap of transactions; this is a quota, not a per-second limit.",
      'Do not retry automatically; ask Telesign to raise the cap.',
      N,
    ],
    '-40009': [
      'Telesign does not support the phone number for this product (type or destination).',
      'Use another number or channel for this user.',
      N,
    ],
    '-40022': ['App Verify is not supported for this request or number (HTTP 400).', 'Fall back to SMS or voice verification.', N],
    '-40023': [
      'Telesign lists this code without any text or description, so its meaning is undocumented.',
      'Contact Telesign support with the reference ID and the full response.',
      N,
    ],
    '-40024': [
      'The message was not sent because of a block you (or Telesign on your behalf) set for this destination.',
      "Review your account's blocklist with Telesign if the number should be reachable.",
      N,
    ],
    '-40025': ["The destination is on Telesign's global blocklist, so nothing was sent.", 'Do not retry; verify the user another way.', N],
    '-50001': [
      'The mobile (app-based) verification hit the maximum number of retries.',
      'Start a fresh verification after the user waits, or use another method.',
      N,
    ],
    '-50002': ['Registering the device for mobile 2FA failed.', "Restart device registration; check the app's SDK setup.", N],
    '-50003': [
      "The device's clock stamp differs too much from Telesign's, so mobile 2FA rejected it.",
      'Ask the user to enable automatic time on the device, then retry.',
      N,
    ],
    '-50051': [
      'The hashcash proof-of-work submitted by the app was not valid.',
      'Check the app computes hashcash as the mobile SDK documents.',
      N,
    ],
    '-50052': ['A registration step arrived with no matching "initiate" request.', 'Run registration from the initiate step again.', N],
    '-50054': ['The API key used by the mobile verification call is invalid.', 'Check the key configured in the app or backend.', N],
    '-50055': ['The API key used for mobile verification has been deactivated.', 'Use an active API key.', N],
    '-50056': ['The application making the mobile verification call is inactive.', 'Reactivate the application with Telesign.', N],
    '-50057': [
      'The verification code submitted through mobile verification was wrong.',
      'Let the user re-enter the code or request a new one.',
      N,
    ],
    '-50058': [
      'Push verification was requested for an app that has no push registration.',
      'Register the app for push notifications first.',
      N,
    ],
    '-50059': [
      'The legacy mobile verification status endpoint has no status to give (HTTP 400).',
      'Check the external ID you queried; retry later if it is new.',
      N,
    ],
    '-60001': [
      'Phone ID found no contact (name/address) data for this number; the request itself succeeded (HTTP 200).',
      'Treat contact fields as empty; do not retry.',
      N,
    ],
    '-60002': ['Mobile 2FA registration completed with a warning.', 'Log it and check the response for which part needs attention.', N],
    '-90001': [
      "Telesign's service was unavailable (HTTP 503) and did not process the request.",
      'Retry after a back-off; the request can be resubmitted unchanged with a fresh nonce/date.',
      Y,
    ],
  },

  'sms-api-error': {
    10000: [
      'The SMS API was unavailable (HTTP 503) and did not process the request.',
      'Retry after a back-off with a fresh nonce and date.',
      Y,
    ],
    10002: [
      'The x-ts-nonce was already used recently, so the SMS API treats this as a replayed request.',
      'Use a new nonce (UUID) for every request and every retry.',
      N,
    ],
    10003: ['The x-ts-nonce length is outside what the SMS API accepts.', 'Send a standard UUID string as the nonce.', N],
    10004: [
      "On /v1/messaging this is a clock problem: the signed Date / x-ts-date is too far from Telesign's time.",
      'Sync the server clock and build the Date header per request.',
      N,
    ],
    10005: [
      'The Date / x-ts-date header is not a valid RFC 822 date.',
      'Send an RFC 1123 date such as "Tue, 31 Jan 2024 19:36:42 GMT".',
      N,
    ],
    10006: ['The SMS API does not recognise the auth method named in x-ts-auth-method.', 'Send x-ts-auth-method: HMAC-SHA256.', N],
    10007: [
      'A digest-signed SMS API request had neither Date nor x-ts-date.',
      'Add one of the two headers and include it in the signed string.',
      N,
    ],
    10008: [
      'The digest signature did not match what Telesign computed for the request.',
      'Sign the path without its query string, leave the content-type line empty on GET, include the body only for POST/PUT, and key with the base64-decoded API key; compare with signature_string in the 401 body.',
      N,
    ],
    10009: [
      'On /v1/messaging this means the request arrived without an Authorization header.',
      'Send Basic or TSA authorization on every request.',
      N,
    ],
    10010: ['The account behind this customer ID is suspended for the SMS API.', 'Contact Telesign support.', N],
    10011: [
      'On /v1/messaging this means the SMS product is not enabled for your customer ID.',
      'Ask Telesign support to enable the SMS API for the account.',
      N,
    ],
    10013: ['No account exists for the customer ID used with the SMS API.', 'Check the customer ID and the host (rest-api vs rest-ww).', N],
    10014: [
      'The request came from an IP address not allowed for the account.',
      "Add your server's public IP to the allowlist with Telesign.",
      N,
    ],
    10015: ['The customer ID is malformed or unknown to the SMS API.', 'Copy the customer ID from the portal exactly.', N],
    10017: [
      'The SMS API has no transaction with this reference ID for this customer ID (HTTP 404).',
      'Check the reference ID and that the same account sent the message.',
      N,
    ],
    10019: [
      'The SMS API throttled the request for exceeding your requests-per-second limit (HTTP 429).',
      'Back off with jitter; reduce polling frequency.',
      Y,
    ],
    10020: [
      "Generic messaging hit your account's hard cap of transactions, so requests are refused.",
      'Do not auto-retry; ask Telesign to raise the cap.',
      N,
    ],
    10022: ['The API key is not valid for this customer ID on the SMS API.', 'Copy the API key again from the portal.', N],
    10028: [
      'The Authorization header is malformed and could not be read.',
      'Use "Basic base64(customer_id:api_key)" or "TSA customer_id:signature".',
      N,
    ],
    10030: ['The prepaid wallet has too little credit for this SMS.', 'Top up the prepaid balance, then resend.', N],
    '10031 Not Allowed Host': [
      'As an API error (HTTP 401), 10031 means the calling host is not allowed for the account.',
      'Ask Telesign support to allow your host/IP.',
      N,
    ],
    '10031 Message blocked by customer request': [
      'In an SMS delivery report (DLR callback), 10031 means a block set for your account stopped the message.',
      "Review your account's blocklist with Telesign if the number should receive SMS.",
      N,
    ],
    10032: ["The number is on Telesign's global blocklist, so the SMS was not sent.", 'Do not retry; verify the user another way.', N],
    10033: [
      'Trial accounts may only text verified numbers; this one was not verified.',
      'Verify the number in the portal or upgrade the account.',
      N,
    ],
    10035: [
      'The API host you called is not allowed for this customer ID.',
      'Use the host assigned to your account (self-service: rest-api; enterprise: rest-ww).',
      N,
    ],
    10036: ['The SMS API no longer holds status for this reference ID because its window has passed (HTTP 404).', TWELVE_HOURS, N],
    11000: [
      'phone_number is not a valid number (length or non-digit characters).',
      'Send digits only, with country code, no + or separators.',
      N,
    ],
    11001: ['The country code at the start of phone_number is not valid.', 'Prefix the number with a real country calling code.', N],
    11003: ['account_lifecycle_event has an unsupported value.', 'Use create, sign-in, transact, update or delete.', N],
    11004: ['callback_url was sent empty.', 'Provide a full callback URL or omit the parameter.', N],
    11009: ['The message text is malformed or contains unexpected content.', 'Check the message length, encoding and characters.', N],
    11010: ['The SMS API could not read originating_ip as an IP address.', 'Send a plain IPv4/IPv6 address or omit it.', N],
    11011: [
      'The reference ID in /v1/messaging/{reference_id} is malformed (HTTP 400).',
      'Use the 32-hex reference_id exactly as the send response returned it.',
      N,
    ],
    11013: [
      'sender_id is not registered for your account or is badly formatted.',
      'Use a sender ID Telesign has provisioned for you and the destination.',
      N,
    ],
    11016: ['external_id is longer than 100 characters or not plain ASCII.', 'Shorten it to 100 ASCII characters or fewer.', N],
    11017: ['message_type is not ARN, MKT or OTP.', 'Set message_type to one of ARN, MKT, OTP.', N],
    11027: ['integration_name has an invalid value.', 'Send a simple identifier string or omit the parameter.', N],
    11034: [
      'The India DLT template ID sent with the SMS is malformed.',
      'Send the DLT template ID exactly as registered on the DLT portal.',
      N,
    ],
    11035: [
      'The India DLT entity ID sent with the SMS is malformed.',
      'Send the DLT entity (principal entity) ID exactly as registered.',
      N,
    ],
    12000: ['The SMS request has no phone_number.', 'Add phone_number to the form body.', N],
    12009: ['The SMS request has no message text.', 'Add the message parameter.', N],
    12017: ['The SMS request has no message_type.', 'Add message_type (ARN, MKT or OTP).', N],
  },

  'phoneid-intelligence-error': {
    10008: [
      'Phone ID / Intelligence rejected the digest signature of the request.',
      'Rebuild the string-to-sign (method, content type, date, x-ts-* headers, body, path) and sign with the decoded key.',
      N,
    ],
    10009: [
      'In the scraped Phone ID / Intelligence list, 10009 is tied to an invalid message parameter; this may be a scraping error.',
      'Check the message-related parameters; if none are sent, compare with the SMS API meaning (missing Authorization).',
      N,
    ],
    10010: ["The customer ID's account is suspended for Phone ID / Intelligence.", 'Contact Telesign support.', N],
    10012: [
      'The Phone ID or Intelligence feature you asked for is not enabled for your customer ID.',
      'Ask Telesign to enable the feature or stop requesting it.',
      N,
    ],
    10013: ['No account exists for this customer ID on Phone ID / Intelligence.', 'Check the customer ID and host.', N],
    10014: ["The caller's source IP is not allowed for the account.", 'Add the IP to the account allowlist with Telesign.', N],
    10015: ['The customer ID is not valid for Phone ID / Intelligence.', 'Copy the customer ID from the portal exactly.', N],
    10017: ['No Phone ID / Intelligence transaction matches this reference ID and customer ID.', 'Check the reference ID and account.', N],
    10019: ['Phone ID / Intelligence throttled the request for exceeding the rate limit.', 'Back off and retry with jitter.', Y],
    10020: [
      'The account reached its hard cap of Phone ID / Intelligence transactions.',
      'Do not auto-retry; ask Telesign to raise the cap.',
      N,
    ],
    10032: [
      'The number is on a Telesign blocklist, so the Phone ID / Intelligence request was refused.',
      'Treat the number as untrusted.',
      N,
    ],
    10041: [
      'The lookup was blocked for legal-compliance reasons (e.g. data rules for that destination).',
      'Do not retry; ask Telesign which regulation applies.',
      N,
    ],
    11000: ['The phone_number passed to Phone ID / Intelligence is invalid.', 'Send digits with country code only.', N],
    11001: ['The country code of the phone_number is invalid.', 'Use a real country calling code prefix.', N],
    11002: ['account_id has an invalid value.', 'Send your own account identifier as a plain string.', N],
    11003: ['account_lifecycle_event is not a supported value.', 'Use create, sign-in, transact, update or delete.', N],
    11005: ['customer_id in the request parameters is invalid.', 'Pass a valid customer ID.', N],
    11006: ['device_id has an invalid value.', 'Send the device identifier as a plain string in the documented format.', N],
    11007: ['The email address parameter is not a valid email.', 'Send a well-formed email address or omit it.', N],
    11010: ['originating_ip is not a valid IP address.', 'Send a plain IPv4/IPv6 address.', N],
    11011: ['The reference ID given to Phone ID / Intelligence is malformed.', 'Use the 32-hex reference ID returned earlier.', N],
    12000: ['Phone ID / Intelligence needs a phone_number and none was sent.', 'Add phone_number to the request.', N],
    12003: [
      'account_lifecycle_event is required here and was missing.',
      'Add account_lifecycle_event (create, sign-in, transact, update or delete).',
      N,
    ],
  },

  'number-masking-error': {
    11024: ["Number Masking: the first party's number (phone_number_1) is invalid.", 'Send phone_number_1 as digits with country code.', N],
    11025: [
      "Number Masking: the second party's number (phone_number_2) is invalid.",
      'Send phone_number_2 as digits with country code.',
      N,
    ],
  },

  'silent-verify': {
    4501: [
      'Silent Verify accepted the initiate call and the verification flow has started.',
      'Continue the flow on the device, then query the result.',
      N,
    ],
    4502: [
      'Silent Verify checked the device, and the phone number given is not the one linked to it.',
      'Treat the number as unverified; fall back to an OTP method.',
      N,
    ],
    10000: ['Silent Verify was unavailable and did not process the request.', 'Retry after a back-off.', Y],
    10004: [
      'In Silent Verify, 10004 is a generic "bad request", not the clock-skew error it is on /v1/messaging.',
      'Check the Silent Verify request parameters and body format.',
      N,
    ],
    10011: [
      'In Silent Verify, 10011 means the reference ID sent is invalid (on /v1/messaging it means the product is disabled).',
      'Use the reference ID from the Silent Verify initiate response.',
      N,
    ],
    10039: ["Silent Verify hit an internal error on Telesign's side.", 'Retry later; report the reference ID if it persists.', Y],
    40001: ['The Silent Verify check did not finish in time.', 'Retry, or fall back to an OTP method.', Y],
    40002: [
      'Silent Verify refused the request as not authorized.',
      'Check credentials and that Silent Verify is enabled for the account.',
      N,
    ],
    40003: ['Silent Verify found no records for this end client.', 'Start a new flow from initiate, or fall back to OTP.', N],
    40004: ['The Silent Verify request lacks the verification parameter.', 'Add the verification object to the request.', N],
    40010: [
      'The number is outside the coverage of the network provider that performs Silent Verify.',
      'Fall back to SMS or voice OTP for this user.',
      N,
    ],
    45005: ['A partner gateway used by Silent Verify failed temporarily.', 'Retry the verification shortly.', Y],
    45006: [
      'A partner gateway used by Silent Verify failed permanently for this request.',
      'Do not retry unchanged; use another verification method.',
      N,
    ],
    45010: [
      'No provider could route the Silent Verify request (none in the area, or all failed).',
      'Fall back to an OTP method; retrying later may help.',
      Y,
    ],
  },

  'accounts-api': {
    5000: ['The Accounts API created a new REST API key for you.', 'Store the new key in a secret store; it may be shown only once.', N],
    5001: ['The Accounts API returned your list of REST API keys.', 'Nothing to fix.', N],
    5002: ['The Accounts API returned the details of one REST API key.', 'Nothing to fix.', N],
    5003: ['The Accounts API updated the REST API key and sent back its new details.', 'Nothing to fix.', N],
    5004: ['The Accounts API expired the key; it no longer authenticates requests.', 'Make sure no service still uses that key.', N],
    5005: ['The Accounts API cloned your account into a new one.', "Record the new account's customer ID.", N],
    5101: ['A body parameter of the Accounts API request has an invalid value (named in the text).', 'Fix the named body parameter.', N],
    5103: [
      'A path parameter of the Accounts API request has an invalid value (named in the text).',
      'Fix the named path segment (e.g. key ID).',
      N,
    ],
    5110: ['The Accounts API could not parse the request payload.', 'Send well-formed JSON with the documented fields.', N],
    5111: ['The account already has the maximum number of API keys.', 'Expire an unused key before creating another.', N],
    5112: ['A required Accounts API parameter (named in the text) was not sent.', 'Add the named parameter.', N],
    5113: [
      'The date-time in the request is not valid or not in the future (e.g. a key expiry date).',
      'Send a future date-time in the documented format.',
      N,
    ],
    5114: ['The Accounts API request lists more users than allowed in one call.', 'Split the users across several requests.', N],
    5204: ['You exceeded the Accounts API requests-per-second limit.', 'Back off and retry.', Y],
    5400: ['The Accounts API could not authenticate the request.', 'Check the credentials and auth headers.', N],
    5401: [
      'Your credentials are valid but have no permission for this Accounts API resource.',
      'Use an account/key with the needed permission.',
      N,
    ],
    5500: ['The Accounts API was unavailable and did not process the request.', 'Resubmit after a back-off.', Y],
  },
};
