// Our explanations for codes that arrive only in callbacks (facts in ../facts/callbacks.mjs).
// Same layout as the other prose tables: family → code → [explanation, action, retryable].
const N = false;

export default {
  'messaging-inbound': {
    1500: [
      'An end user sent you a message (SMS, RCS, WhatsApp, Viber, MMS or email) and Telesign handed it to your inbound callback URL; in an inbound callback this is the only status there is.',
      'Read sub_resource for the channel and user_response or content for the message; answer 200 quickly so Telesign does not resend it.',
      N,
    ],
  },
  'messaging-templates': {
    3850: [
      'Telesign created the template you submitted; on channels that review templates (WhatsApp) an approval or rejection callback usually follows.',
      'Wait for the provider review callback (3851 or 3852) before sending with this template on WhatsApp.',
      N,
    ],
    3851: [
      'The channel provider (e.g. Meta for WhatsApp) reviewed the template and accepted it, so messages can now use it.',
      'Nothing to fix: start sending with this template name.',
      N,
    ],
    3852: [
      'The channel provider reviewed the template and turned it down, usually over its category, wording or variables.',
      "Edit the template against the provider's template rules (category, sample values, no promotional wording in utility templates) and submit it again.",
      N,
    ],
    3853: [
      'The template you asked to delete is gone on Telesign and the provider side.',
      'Nothing to fix; stop referencing this template name in sends.',
      N,
    ],
    3854: [
      'The provider flagged the template, typically after recipients reported or blocked messages sent with it; it may be paused if this continues.',
      'Review how and to whom the template is sent (opt-in, frequency, content) before the provider disables it.',
      N,
    ],
    3855: [
      'The provider switched the template off, so sends that use it will fail until it is fixed and approved again.',
      'Create a corrected template (or appeal with the provider) and move your sends to it.',
      N,
    ],
    3857: [
      'Telesign asked the provider to delete the template, but the provider refused for a temporary reason; the template still exists.',
      'Send the delete request again later.',
      true,
    ],
  },
  'bulk-sms': {
    286: [
      'For this recipient of a bulk send Telesign did not try at all, because the number is not a phone type that bulk SMS may reach (only mobile, prepaid, personal or pager numbers are allowed).',
      'Drop landline, VoIP and other non-mobile numbers from the bulk list, or reach them on another channel.',
      N,
    ],
  },
  'verify-api-inner': {
    3209: [
      'Inside inner_methods this is the per-method result "Unknown status": Telesign did not learn what happened on that channel (for example WhatsApp gave no delivery outcome) and moved on to the next method of the policy. It does not mean "end-user not registered for testing" here.',
      'Check the next inner method; if one channel keeps ending in 3209, ask Telesign support why that channel reports no status for your account.',
      N,
    ],
    3900: [
      'Inside inner_methods this marks the verification method that succeeded: the end user completed the check on this channel (for example entered the SMS code).',
      'Nothing to fix; the process state says VERIFIED. Finalize the process if your flow requires it.',
      N,
    ],
  },
};
