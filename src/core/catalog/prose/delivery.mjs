// Our explanations for transaction statuses: SMS / SMS Verify delivery, Voice Verify calls, the generic
// 500/501/599 statuses, Phone ID, and the small product families. Same shape as messaging.mjs.
const Y = true;
const N = false;

export default {
  'sms-delivery-status': {
    200: [
      "The carrier confirmed the SMS reached the recipient's phone; the transaction will not change again.",
      'Nothing to fix. For SMS Verify, check verify.code_state to see whether the code was entered correctly.',
      N,
    ],
    201: [
      "The SMS went through, but Telesign's anti-fraud checks flagged something suspicious about the destination number.",
      'Deliver the flow as normal but consider extra checks (e.g. Intelligence score) before trusting this user.',
      N,
    ],
    203: [
      'The SMS is with the carrier gateway, which has not yet reported delivery or failure; the status will be updated.',
      'Poll again later (3–5 minutes) or wait for the callback.',
      Y,
    ],
    207: [
      'Delivery to the handset failed and the carrier gave no reason; this is the final state.',
      'Let the user request a new code, or try another channel such as voice.',
      N,
    ],
    210: [
      'The phone could not accept the SMS for a passing reason (switched off, memory full); this attempt is final.',
      'Send again later or offer a voice call.',
      Y,
    ],
    211: [
      'The phone or its line cannot take SMS for a lasting reason (incompatible, blocked or badly provisioned).',
      'Stop sending SMS to this number; ask the user for another number or channel.',
      N,
    ],
    220: [
      'The carrier network found no route to the recipient for this SMS.',
      'Check the number format (country code, no leading zeros); report persistent cases to Telesign.',
      N,
    ],
    221: [
      "The SMS sat in the carrier's queue until it expired without being delivered.",
      'Send a fresh SMS (a new code for verification) when the user is reachable.',
      Y,
    ],
    222: [
      'SMS cannot be delivered to this number (phone, plan, carrier or user does not support it).',
      'Use voice or another channel for this user.',
      N,
    ],
    229: [
      'Telesign dropped the SMS before sending because you had asked for this number to be blocklisted.',
      'Remove the number from your blocklist with Telesign if it should receive messages.',
      N,
    ],
    230: [
      "The number is on Telesign's global blocklist, so the SMS was never sent.",
      'Do not retry; treat the number as untrusted or ask support if it is a mistake.',
      N,
    ],
    231: [
      'The carrier rejected the SMS content as invalid or unsupported.',
      'Check encoding, length and special characters of the text.',
      N,
    ],
    233: [
      "Telesign held the SMS back because the number's fraud risk score is above the maximum you configured.",
      'Treat as a likely fraud attempt; adjust the risk threshold with Telesign if legitimate users are blocked.',
      N,
    ],
    237: [
      'The SMS was going to a country your account blocks, so Telesign did not send it.',
      'Ask Telesign to unblock the country if you serve users there.',
      N,
    ],
    238: [
      'A prefix block on your account matched the destination number.',
      'Review your prefix blocks with Telesign if this number should be reachable.',
      N,
    ],
    250: [
      'Telesign could not find out whether this SMS was delivered.',
      'Treat delivery as unknown; let the user ask for another code if nothing arrived.',
      N,
    ],
    251: [
      "The SMS left Telesign's gateway, but no delivery receipt came back within 12 hours, so the user probably never got it.",
      'Assume the message was lost: offer a resend or another channel.',
      N,
    ],
    290: [
      'Telesign is still handing the SMS to the gateway; this is the usual first answer and will resolve later.',
      'Poll again in a few minutes or wait for the callback.',
      Y,
    ],
    291: [
      'Telesign is under unusually heavy load and has queued the SMS before sending.',
      'Wait; poll again later. Delivery may be slower than usual.',
      Y,
    ],
    292: ['The downstream SMS gateway queued the message and has not delivered it yet.', 'Poll again later or wait for the callback.', Y],
    295: ['Telesign cannot give the SMS status right now; it is delayed, not lost.', 'Query the status again a little later.', Y],
    502: [
      'The SMS failed because of a problem with the short code (campaign) used to send it.',
      'Check the short-code campaign registration for the destination with Telesign.',
      N,
    ],
    503: ['The carrier rejected this SMS for a temporary reason.', 'Resend after a delay.', Y],
    504: [
      'The carrier rejected this SMS for a lasting reason; the same message will fail again.',
      'Do not resend as-is; check number, sender and content.',
      N,
    ],
    505: ['A Telesign partner gateway had a temporary failure delivering this SMS.', 'Resend after a short back-off.', Y],
    506: [
      'A Telesign partner gateway failed permanently for this SMS.',
      'Do not resend unchanged; contact Telesign support with the reference ID.',
      N,
    ],
    507: [
      'The destination number is malformed, not assigned to any carrier, or unknown to the switching network.',
      'Ask the user to check their number; validate format with country code before sending.',
      N,
    ],
    508: [
      'The SMS had no usable sender (source address) for this route.',
      'Use a sender ID or number registered for your account and the destination.',
      N,
    ],
    509: [
      'A parameter of the request is not supported on the route this SMS took.',
      'Remove or correct the unsupported parameter (sender, encoding, validity, etc.).',
      N,
    ],
    510: [
      'The recipient blocked this kind of SMS (carrier setting, opt-out or short-code block).',
      'Honour the opt-out and use another way to reach the user.',
      N,
    ],
    511: [
      "The recipient's credit or spending limit stopped the SMS from being delivered.",
      'Retry later or use a channel that costs the user nothing.',
      Y,
    ],
    512: ['The recipient is roaming on a network that would not deliver the SMS.', 'Retry later or offer voice, WhatsApp or email.', Y],
    513: [
      'The number was ported between carriers and the ported route could not be reached.',
      'Retry later; report persistent cases to Telesign support.',
      N,
    ],
    514: [
      "The carrier could not reach the recipient's phone at that moment (off or out of coverage).",
      'Resend later or offer a voice call.',
      Y,
    ],
    515: [
      'The carrier classified the SMS as spam and dropped it.',
      'Review wording, sender and sending pattern; register the traffic where required.',
      N,
    ],
    517: [
      "The Indian operator could not match the DLT template ID or entity ID sent with the SMS (India's DLT rules).",
      'Send the DLT template and entity IDs exactly as registered on the DLT portal.',
      N,
    ],
    518: [
      "The SMS was held back because the number's SIM-swap risk is above the maximum set for your account.",
      'Treat as a possible account-takeover attempt; verify the user another way.',
      N,
    ],
    519: [
      'You asked for a SIM-swap check before sending, but it could not run (no coverage or no data), so the SMS was not sent.',
      'Decide whether to send without the check, or verify the user another way.',
      N,
    ],
    520: [
      'The carrier does not allow the content of this SMS.',
      "Change the message content (links, keywords) to meet the carrier's rules.",
      N,
    ],
    521: [
      'The sender ID you used is not allowed for the destination country or operator.',
      'Use a sender ID registered for that country, or let Telesign choose one.',
      N,
    ],
  },

  'bulk-sms': {
    293: [
      'Telesign accepted the bulk SMS request; individual messages get their own statuses later.',
      'Track each message by its own reference ID or via callbacks.',
      N,
    ],
  },

  'transaction-status-generic': {
    500: [
      'Telesign did not attempt the call, SMS or lookup at all; the real reason is in errors[].code next to it.',
      'Read errors[] for the specific code and fix that.',
      N,
    ],
    501: [
      'The request was refused for lack of permission or failed authentication; errors[] holds the specific auth error.',
      'Look at errors[].code (e.g. -30004, -30006) and fix the credentials or signature.',
      N,
    ],
    599: [
      'Telesign could not give a status for this transaction right now; it often comes with -10004 when the reference ID is too old.',
      'If errors[] shows -10004 the 12-hour window has passed; otherwise query again later.',
      Y,
    ],
  },

  'voice-verify-status': {
    100: [
      'The call was picked up, either by the person or by voicemail, so it does not prove the user heard the code.',
      'Check verify.code_state to see whether the user entered the right code.',
      N,
    ],
    101: ['The verification call rang but nobody picked up.', 'Offer to call again or switch to SMS.', Y],
    102: [
      'The call was cut off before the spoken message finished (from an older, third-party copy of the docs).',
      'Offer to call again so the user hears the whole code.',
      Y,
    ],
    103: [
      'The voice call is still going on; this is the usual immediate answer and will change to a result code.',
      'Poll again later or wait for the callback.',
      Y,
    ],
    104: [
      'The number is not formatted in a way that allows a call to be placed (source: search excerpt only).',
      'Fix the phone number format (country code, digits only) and try again.',
      N,
    ],
    105: ['Telesign has not yet tried to place the verification call.', 'Wait and poll again.', Y],
    106: [
      'The call did not connect, usually because an upstream voice provider failed; a retry may work.',
      'Place a new call after a short delay, or fall back to SMS.',
      Y,
    ],
    107: ["The recipient's line was busy when Telesign called.", 'Call again in a minute or two.', Y],
    108: ['Telesign itself cancelled the call before completion.', 'Place a new call; contact support if it keeps happening.', N],
    129: [
      'Telesign did not place the call because you had blocklisted this number.',
      'Remove the number from your blocklist with Telesign if it should be called.',
      N,
    ],
    130: ["The number is on Telesign's global blocklist, so the call was not placed.", 'Do not retry; verify the user another way.', N],
  },

  'phone-id': {
    300: ['Phone ID / Intelligence returned every piece of data you asked for.', 'Nothing to fix; use the response data.', N],
    301: [
      'Phone ID / Intelligence returned only part of the requested data; some fields are empty.',
      'Handle missing fields gracefully; check per-add-on status codes for the gaps.',
      N,
    ],
    2800: ['A Phone ID add-on ran without problems for this request.', 'Nothing to fix; use the add-on data.', N],
    2801: [
      'The addons section of the Phone ID request names a parameter the add-on does not accept.',
      'Remove or rename the parameter to one the add-on documents.',
      N,
    ],
    2802: ['The requested Phone ID add-on is briefly out of service.', 'Repeat the request later.', Y],
    2803: [
      'The add-on has no coverage for this phone number (country or carrier).',
      'Expect no add-on data for such numbers; do not retry.',
      N,
    ],
    2804: ['The add-on does not apply to this kind of number (for example a landline).', 'Skip the add-on for numbers of this type.', N],
    2805: ['The add-on ran but found no information about this number.', 'Treat as no data; do not retry.', N],
    2806: [
      'You requested an add-on that is not turned on for your account.',
      'Ask Telesign to enable the add-on, or stop requesting it.',
      N,
    ],
    2807: [
      'Some request parameters for the add-on are wrong or badly formatted.',
      'Check add-on parameter names and formats against the Phone ID reference.',
      N,
    ],
    2808: ['A parameter the add-on needs is missing or empty.', 'Supply the named parameter with a value.', N],
    2809: [
      'The billing postal code you sent does not match what contact_plus has on file for the number.',
      'Treat as a data mismatch signal; confirm the address with the user.',
      N,
    ],
    2810: [
      'Something failed while Telesign gathered the add-on data, so the add-on result is incomplete.',
      'Retry later; contact support if it persists.',
      Y,
    ],
    2811: ['The add-on lookup took too long and timed out.', 'Retry the request later.', Y],
    2812: [
      'The account reached the hard cap of transactions for this add-on.',
      'Do not auto-retry; ask Telesign to raise the add-on cap.',
      N,
    ],
  },

  'smart-verify': {
    2000: [
      'Smart Verify has started the verification process and has no result yet.',
      'Poll or wait for the callback for the final outcome.',
      Y,
    ],
    2028: [
      'Smart Verify blocked the verification because the Intelligence risk check on the number came back too high.',
      'Treat as high risk; use another verification path or review the risk settings.',
      N,
    ],
  },

  'app-verify': {
    2400: [
      'The App Verify (caller-ID based) verification has started and has no outcome yet.',
      'Poll GET /v1/verify/auto/voice/{ref} again shortly.',
      Y,
    ],
    2401: ["App Verify confirmed the device: the incoming call's caller ID prefix matched.", 'Mark the user as verified.', N],
    2407: [
      'App Verify failed because the caller ID prefix seen on the device did not match the expected one.',
      'Treat as unverified; offer SMS or voice OTP instead.',
      N,
    ],
  },

  completion: {
    1900: [
      'Telesign recorded your report that the user completed verification for this reference ID.',
      "Nothing to fix; completion reporting improves Telesign's routing and conversion stats.",
      N,
    ],
  },
};
