// Our explanations for the Messaging (omnichannel) families: GET status, send/channel codes, templates,
// capability check and the Verify API. Keyed by family, then by code ("code text" when one family gives
// a code several texts). Each value: [explanation, action, retryable].
const Y = true;
const N = false;

export default {
  'messaging-get-status': {
    3000: [
      'The last channel Telesign tried reports the message as delivered; it can still move to 3005 (read) if that channel reports reads, such as WhatsApp or RCS.',
      'Treat the send as successful. If you need read receipts, poll again later or wait for the callback.',
      N,
    ],
    3002: [
      'The message has left Telesign and reached a downstream gateway, but no handset receipt has come back yet; the status will change once all channels are tried.',
      'Poll again in a few minutes (Telesign suggests 3–5) or rely on the delivery callback.',
      Y,
    ],
    3003: [
      'Every channel Telesign attempted for this transaction failed, so the message never reached the recipient; the channel_status entries say why each one failed.',
      'Read channel_status[] for the per-channel code, fix the cause (number, template, channel setup) and send a new message.',
      N,
    ],
    3005: [
      'The recipient opened the message on a channel that reports reads (e.g. WhatsApp, RCS); this is the end state of the transaction.',
      'Nothing to fix: the message was delivered and read.',
      N,
    ],
    3006: [
      'The send asked only for channels that your account does not have enabled, or gave channel values Telesign does not accept, so nothing was sent.',
      'Check the channels array against the channels enabled on your account; ask Telesign support to enable the missing ones.',
      N,
    ],
    3311: [
      'The status lookup was rejected because the reference ID in the URL is malformed; Telesign expects the 32-character hex ID returned by the send call.',
      'Use the reference_id exactly as the send response returned it (32 hex characters, no quotes, spaces or extra path segments).',
      N,
    ],
    3206: [
      'Your customer ID cannot use the Messaging status lookup because the omnichannel product (or its status feature) is not switched on for the account.',
      'Ask Telesign support to enable Messaging / get transaction status for this customer ID; retrying will not help.',
      N,
    ],
    3400: [
      'The status request reached Telesign but the credentials were refused or lack permission for this resource.',
      'Check the customer ID and API key pair, the auth scheme (Basic or Digest) and that the key belongs to an account with Messaging enabled.',
      N,
    ],
    3411: [
      'The API key in the Authorization header of the status lookup is not a key Telesign recognises for this customer ID.',
      'Copy the API key again from the Telesign portal (it is base64 text; keep the trailing = signs) and check it pairs with this customer ID.',
      N,
    ],
    3412: [
      'The status request carried an Authorization header that Telesign could not parse, so it never checked the credentials.',
      'Send "Basic base64(customer_id:api_key)" or "TSA customer_id:signature"; look for missing prefixes, stray quotes or line breaks.',
      N,
    ],
    '-10004': [
      'The status window for this reference ID has closed: Messaging keeps transaction status for only 12 hours after the send.',
      'Look the transaction up within 12 hours (waiting 3–5 minutes after sending is fine), or switch to delivery callbacks so you never need to poll late.',
      N,
    ],
    3204: [
      'Telesign throttled this status lookup because your account sent more requests per second than its Messaging limit allows.',
      'Back off (exponential with jitter, honour Retry-After if present) and poll less often; callbacks avoid polling entirely.',
      Y,
    ],
    3041: [
      'On a GET status call this code means Telesign itself could not serve the lookup at that moment (it comes with HTTP 503); it says nothing about the message.',
      'Retry the same lookup after a short back-off; the transaction is unaffected.',
      Y,
    ],
  },

  messaging: {
    3001: [
      'Telesign accepted the message request and is still working on it; this is the normal first answer to a send and to early status lookups.',
      'Wait and poll again (3–5 minutes is a sensible first interval) or wait for the callback; it will resolve to a delivery or failure code.',
      Y,
    ],
    3004: [
      'The message got as far as the gateway, but carriers in that region do not return handset receipts, so Telesign cannot confirm delivery even though it very likely arrived.',
      'Treat as probably delivered; if confirmation matters, ask the user or use a channel that reports delivery.',
      N,
    ],
    3011: [
      'A channel provider account (e.g. the WhatsApp or RCS sender registration) behind your Telesign setup failed to register, so that channel cannot send.',
      'Contact Telesign support with the reference ID so they can fix the provider account registration.',
      N,
    ],
    3012: [
      'Telesign hit a problem while moving your channel provider account (for example a WhatsApp sender) between configurations, so the channel could not send.',
      'Contact Telesign support with the reference ID; nothing in your request causes this.',
      N,
    ],
    3030: [
      'The handset could not take the message for a temporary reason, such as being switched off or out of storage; this attempt is over.',
      'Send again later; if it keeps happening for one number, offer the user another channel.',
      Y,
    ],
    3031: [
      'The handset or its line has a lasting problem (for example it cannot receive SMS or is badly provisioned on the network), so delivery failed for good.',
      'Do not resend to this number on this channel; ask the user for another number or channel.',
      N,
    ],
    3032: [
      'No route to the recipient could be found on the carrier network for this message.',
      'Check the number is complete and in E.164 form; if it is, report the number and reference ID to Telesign support.',
      N,
    ],
    3033: [
      'The carrier held the message in its queue until its validity ran out, so it was never delivered (typical when the phone stays off or unreachable).',
      'Send a fresh message when the user is reachable; for OTPs, let the user request a new code.',
      Y,
    ],
    3034: [
      'The recipient cannot receive SMS at all (phone, plan, carrier or user setting), so SMS to this number will keep failing.',
      'Use another channel (voice, WhatsApp, email) for this recipient.',
      N,
    ],
    3035: [
      'The message content was rejected as invalid or unsupported for this destination.',
      'Check encoding, length and characters of the message body; remove unsupported content and send again.',
      N,
    ],
    3036: [
      'Telesign did not send because the price of this message is above the maximum price you configured on the account.',
      'Raise the price cap with Telesign support or avoid that destination; the message was not billed.',
      N,
    ],
    3037: [
      'Your account asks Telesign to block sends to the destination country, and this message was going there.',
      'If the country should be allowed, ask Telesign support to lift the country block; otherwise stop sending there.',
      N,
    ],
    3038: [
      'A prefix block configured for your account matched this phone number, so Telesign refused to send.',
      'Review the prefix blocklist with Telesign support if this number should be reachable.',
      N,
    ],
    3039: [
      'Telesign never learned whether the message arrived; the carrier gave no conclusive result.',
      'Treat delivery as unconfirmed; for OTPs let the user ask for a new code.',
      N,
    ],
    3040: [
      "The message is waiting in a downstream SMS gateway's queue; no delivery result yet.",
      'Poll again later or wait for the callback; the status should move on.',
      Y,
    ],
    3041: [
      'In channel_status or a delivery report this means the carrier or operator turned the message down for a temporary reason.',
      'Resend after a short delay; if it repeats for the same carrier, report it to Telesign support.',
      Y,
    ],
    3042: [
      'The carrier or operator refused the message for a lasting reason, so sending the same message again will fail again.',
      'Do not retry as-is; check the number, sender ID and content, or use another channel.',
      N,
    ],
    3043: ['A Telesign partner gateway failed temporarily while handling the message.', 'Resend after a short back-off.', Y],
    3044: [
      'A Telesign partner gateway failed for a reason that will not clear by itself, so the message was not delivered.',
      'Do not resend unchanged; contact Telesign support with the reference ID.',
      N,
    ],
    3045: [
      'A parameter in the send request is not supported by the route or channel used for this message.',
      "Compare the request parameters with the channel's documented options and remove or fix the unsupported one.",
      N,
    ],
    3046: [
      'The recipient has blocked messages like this one, through their carrier plan, an opt-out or by blocking the short code.',
      'Respect the opt-out; reach the user another way.',
      N,
    ],
    3047: [
      "The recipient's prepaid balance or spending limit prevents them from receiving the message.",
      'Try again later or use a channel that is free for the recipient.',
      Y,
    ],
    3048: [
      "Delivery failed because the recipient's phone is roaming on a network that would not take the message.",
      'Try again when the user is home, or use a data channel such as WhatsApp or email.',
      Y,
    ],
    3049: [
      'The number was ported to another carrier and the ported route could not be reached.',
      'Retry later; if it persists, report the number and reference ID to Telesign support.',
      N,
    ],
    3050: [
      "The carrier could not reach the recipient's device at the time (switched off, out of coverage).",
      'Resend later or let the user request a new code when they are reachable.',
      Y,
    ],
    3051: [
      'The carrier or operator flagged the message as spam and did not deliver it.',
      'Review content, sender ID and sending pattern (registration, opt-in); change them before sending again.',
      N,
    ],
    3052: [
      'A block specific to your account (requested by you or set by Telesign for you) stopped this message.',
      "Check your account's blocklist with Telesign support if the message should go through.",
      N,
    ],
    3053: [
      "The recipient number is on Telesign's global blocklist, so Telesign refused to send to it for any customer.",
      'Do not retry; if you believe the number is legitimate, raise it with Telesign support.',
      N,
    ],
    3054: [
      'The RCS (RBM) partner could not parse the message Telesign forwarded; it is reported as a temporary problem.',
      'Retry the send; if it repeats, check the RCS message structure (rich card, suggestions) and contact support.',
      Y,
    ],
    3055: [
      "The recipient's device cannot use the channel chosen for this attempt (for example no RCS or WhatsApp), so that channel is finished.",
      'Add a fallback channel such as SMS, or use a capability check before choosing the channel.',
      N,
    ],
    3056: [
      'This channel did not confirm delivery within the fallback time you set, so Telesign moves on to the next channel in the list, if any.',
      'Nothing to do unless this is the last channel; consider a longer fallback time if it fires too early.',
      Y,
    ],
    3057: [
      'The message has no valid sender (source address) for this route, so it could not be sent.',
      'Provide a sender ID or number that is registered for your account and destination.',
      N,
    ],
    3058: [
      'Your account is not allowed to use the API host you called (e.g. rest-api vs rest-ww).',
      'Use the host Telesign assigned to your account (enterprise accounts: rest-ww.telesign.com).',
      N,
    ],
    3059: [
      'The rich card carries more elements (buttons, media, suggestions) than the channel allows.',
      'Reduce the number of buttons/images in the rich card and send again.',
      N,
    ],
    3060: [
      'Capability check result: the device behind this number can receive messages on the channel you asked about.',
      'Go ahead and send on that channel.',
      N,
    ],
    3061: [
      'The attached media file is bigger than the channel accepts, so it was not sent.',
      "Compress or resize the media below the channel's size limit, or send a link instead.",
      N,
    ],
    3062: [
      'MMS was requested but is not available for this request (destination, route or account), so it was not processed.',
      'Send as SMS with a link, or check MMS availability for that country with Telesign.',
      N,
    ],
    3071: [
      'Trial accounts can only message numbers that were verified in the portal first, and this number was not.',
      'Verify the test number in the Telesign portal or upgrade the account.',
      N,
    ],
    3072: [
      'Telesign scored the destination number as riskier than the maximum risk you configured, so it deliberately did not send.',
      'If the number is legitimate, review your risk threshold with Telesign; otherwise treat it as a blocked fraud attempt.',
      N,
    ],
    3073: [
      'Your prepaid balance is too low to pay for this message, so Telesign did not send it.',
      'Top up the prepaid wallet, then send again.',
      N,
    ],
    3100: [
      'One entry in the channels list names a channel Telesign does not know; it is skipped and the next channel, if any, is tried.',
      'Use only supported channel names (sms, whatsapp, viber, rcs, mms, email) and check spelling and case.',
      N,
    ],
    3101: [
      'The phone_number for this attempt is not a valid number (too long, too short or with non-digits); the next channel, if any, is tried.',
      'Send the number as digits only with country code (no +, spaces or dashes).',
      N,
    ],
    3102: [
      'message_type has a value Telesign does not accept; only ARN, MKT and OTP are valid.',
      'Set message_type to ARN, MKT or OTP.',
      N,
    ],
    3103: [
      'external_id is too long (over 100 characters) or has non-ASCII characters.',
      'Shorten external_id to 100 ASCII characters or fewer.',
      N,
    ],
    3104: ['account_lifecycle_event has a value outside the allowed list.', 'Use one of create, sign-in, transact, update or delete.', N],
    3105: [
      'originating_ip is not a well-formed IP address.',
      "Send the end user's IPv4 or IPv6 address as plain text, or leave the field out.",
      N,
    ],
    3106: [
      'callback_url was sent but empty, so Telesign rejected the request.',
      'Either give a full https callback URL or omit the parameter.',
      N,
    ],
    3107: [
      'The country code in the request is malformed or not one Telesign recognises.',
      'Use the numeric country calling code (e.g. 1, 44) in the expected field format.',
      N,
    ],
    3108: [
      'The message parameter is malformed or contains content Telesign did not expect for this channel.',
      'Check the structure of the message object for the channel (text, template, media) against the API reference.',
      N,
    ],
    3109: [
      'The sender_id is not one registered for your account, or it is in the wrong format.',
      'Use a sender ID that Telesign has provisioned for your account and destination.',
      N,
    ],
    3110: [
      'The request body could not be understood: the JSON or its structure is malformed.',
      'Validate the JSON (quotes, commas, nesting) and the Content-Type: application/json header.',
      N,
    ],
    3112: [
      'Telesign found no template with that name or ID for this channel, so this channel attempt failed (other channels may still succeed).',
      'Create or approve the template for that channel, or fix the template name/ID for this channel.',
      N,
    ],
    3113: [
      'The channels parameter lists a channel twice or is shaped incorrectly.',
      'List each channel once, with the structure the API reference shows.',
      N,
    ],
    3114: [
      'This type of message may only go out while a conversation window with the user is open (e.g. WhatsApp 24-hour window), and none is.',
      'Use an approved template message outside the conversation window.',
      N,
    ],
    3115: [
      'The destination number lies outside the area Telesign can deliver to on this channel.',
      'Use another channel or check coverage for that country with Telesign.',
      N,
    ],
    3116: [
      'The request body is larger than the 10 KB Telesign accepts for a send.',
      'Shrink the payload (shorter text, fewer elements, links instead of inline content).',
      N,
    ],
    3200: [
      'The channel used for this attempt is not turned on for your account, so it was skipped and the next channel, if any, is tried.',
      'Ask Telesign support to enable the channel or remove it from the channels list.',
      N,
    ],
    3202: [
      'You listed several channels, but fallback between channels is not enabled for your account.',
      'Send one channel per request, or ask Telesign support to enable fallback.',
      N,
    ],
    3203: [
      'Your request included callback_url, which your account is not allowed to set per request.',
      'Remove callback_url and configure the callback endpoint on the account, or ask support to enable it.',
      N,
    ],
    3204: [
      'The send was throttled because your account exceeded the Messaging requests-per-second limit.',
      'Slow down: queue sends and retry with exponential back-off and jitter.',
      Y,
    ],
    3205: [
      'Too many SMS transactions were submitted per second for your account, so this one was refused.',
      'Spread sends out over time and retry with back-off.',
      Y,
    ],
    3206: [
      'The Messaging (omnichannel) product is not switched on for your customer ID, so no send is possible.',
      'Ask Telesign support to enable Messaging for the account; retrying will not help.',
      N,
    ],
    3207: [
      'Your account hit its hard cap of transactions for this product, so further requests are refused until the cap changes.',
      'Do not auto-retry; ask Telesign to raise the cap or wait for the cap period to reset.',
      N,
    ],
    3208: [
      "The provider account ID used for this channel could not be found in Telesign's configuration.",
      'Check the provider/account identifiers in your channel setup with Telesign support.',
      N,
    ],
    3209: [
      'The recipient number is not registered as a test number, which this testing setup requires.',
      'Register the number for testing in the portal or use a production configuration.',
      N,
    ],
    3300: ['The request has no channels parameter, which Messaging requires.', 'Add a channels array with at least one channel object.', N],
    3301: [
      'The channels list is present, but none of its items has the required channel property.',
      'Give each item in channels a channel field (e.g. "sms").',
      N,
    ],
    3302: [
      'The request has no phone_number, so Telesign has no recipient.',
      "Add the recipient's phone_number (digits with country code).",
      N,
    ],
    3303: [
      'The request has no message parameter, so there is nothing to send.',
      'Add the message (text, template or media) for each channel.',
      N,
    ],
    3304: ['The request has no message_type, which is mandatory.', 'Add message_type: ARN, MKT or OTP.', N],
    3305: [
      'The selected template needs parameters the request did not supply.',
      'Provide every variable the template defines (names and counts must match).',
      N,
    ],
    3306: [
      'The message object lacks what this particular channel needs to send, so this attempt failed and the next channel, if any, is tried.',
      'Add the channel-specific fields (e.g. template ID for WhatsApp) to the message for that channel.',
      N,
    ],
    3400: [
      'Telesign refused the request because authentication failed or the credentials have no access to this resource.',
      'Check the customer ID and API key pair, the auth scheme, and that the account has this product.',
      N,
    ],
    3405: [
      'The request reached Messaging with no Authorization header at all.',
      'Send an Authorization header (Basic or TSA digest) with every request.',
      N,
    ],
    3406: [
      'The account behind this customer ID is suspended, so Telesign refuses every request from it.',
      'Contact your Telesign account manager or support to reinstate the account.',
      N,
    ],
    3408: [
      'Telesign has no account for the customer ID in the credentials.',
      'Check the customer ID (copy it from the portal) and the host you are calling.',
      N,
    ],
    3409: [
      'The request came from an IP address that is not allowed for this account (IP allowlisting).',
      "Add the caller's public IP to the account allowlist with Telesign support.",
      N,
    ],
    3410: [
      'The customer ID in the credentials is malformed or unknown.',
      'Copy the customer ID from the portal exactly (GUID format, no spaces).',
      N,
    ],
    3411: [
      'The API key sent with this request is not valid for the customer ID.',
      'Copy the API key again from the portal and check it belongs to this customer ID.',
      N,
    ],
    3412: [
      'The Authorization header is present but not in a form Telesign can parse.',
      'Send "Basic base64(customer_id:api_key)" or "TSA customer_id:signature" with nothing else in the value.',
      N,
    ],
    3413: [
      'The machine sending the request is not on the list of hosts allowed for this account.',
      'Ask Telesign support to allow the host/IP you are calling from.',
      N,
    ],
    3500: [
      'Messaging was down or overloaded when the request arrived, so nothing was processed.',
      'Resubmit the same request after a back-off.',
      Y,
    ],
    3601: [
      'Tracking data that the channel provider should have supplied is missing, so Telesign could not complete the transaction record.',
      'Report the reference ID to Telesign support; the problem is on the provider side.',
      N,
    ],
    516: [
      "The recipient's device does not support the messaging channel chosen for this attempt, so it could not be delivered on that channel.",
      'Fall back to SMS or another channel the device supports.',
      N,
    ],
    201: [
      'An older Messaging code list uses 201 to report that the recipient read the message (first documented for RCS); the source is only a search excerpt.',
      'Treat as delivered and read; newer Messaging responses use 3005 for this.',
      N,
    ],
  },

  'messaging-templates': {
    3801: [
      'Template request accepted and queued for processing (the spec spells the text "succesful"); approval updates arrive at your callback endpoint.',
      "Wait for the callback that reports the template's approval status before using it.",
      N,
    ],
    3800: [
      'The template API call succeeded; example responses use this code rather than 3801.',
      'Nothing to fix; continue with the template workflow.',
      N,
    ],
    3802: ['The template request has no name.', 'Add a name for the template.', N],
    3803: ['The template request has no type.', 'Add the template type required by the channel.', N],
    3815: ['The template request has no content.', 'Add the template content (body and any header/footer).', N],
    3816: [
      'The template category is not one of the values the API accepts.',
      'Pick a category from the list in the template request schema.',
      N,
    ],
    3817: [
      'The template language is not one of the accepted values (the text wrongly says "category").',
      'Use a supported language code from the template request schema.',
      N,
    ],
    3819: [
      'sample_text is missing or has a different number of values than the template has variables.',
      'Give exactly one sample value per variable in the body and header.',
      N,
    ],
    3856: ['The template name is missing, invalid, or already taken by another template.', 'Choose a unique, valid template name.', N],
    3818: [
      'Template management is not enabled for your customer ID.',
      'Ask Telesign support to enable template management for the account.',
      N,
    ],
  },

  'messaging-capability': {
    3210: [
      'Capability Check is not enabled for your customer ID, so Telesign will not tell you which channels a device supports.',
      'Ask Telesign support to enable Capability Check, or skip it and rely on channel fallback.',
      N,
    ],
    3041: [
      "On a capability check this means the channel provider did not answer Telesign in time, so the device's capability is unknown (HTTP 503).",
      'Repeat the capability check after a short delay.',
      Y,
    ],
  },

  'verify-api': {
    3901: [
      'The verification process exists and is waiting: the code was sent (or is being sent) and not yet checked.',
      'Let the user enter the code, then finalize with PATCH /verification/{ref}/state.',
      Y,
    ],
    3900: [
      'The code the user entered matches the one Telesign generated, so verification succeeded and the process is finished.',
      'Mark the user as verified.',
      N,
    ],
    3904: [
      'The code entered does not match, but the process allows more attempts.',
      'Ask the user to re-enter the code; do not start a new process yet.',
      N,
    ],
    3909: [
      'The code was wrong for the third time, so Telesign ended the verification process as failed.',
      'Start a new verification process if the user wants to try again.',
      N,
    ],
    3906: [
      'The Verify API (unified verification) is not enabled for your customer ID.',
      'Ask Telesign support to enable the Verify API for the account.',
      N,
    ],
    3203: [
      'The Verify API request set callback_url, which this account may not do.',
      'Remove callback_url or ask support to enable it for the Verify API.',
      N,
    ],
    3204: [
      'Too many Verify API requests per second from your account, so this one was throttled.',
      'Back off and retry; avoid tight polling loops on /verification.',
      Y,
    ],
    3116: ['The Verify API request body exceeds the 10 KB limit (HTTP 413).', 'Send a smaller body; remove unneeded fields.', N],
  },
};
