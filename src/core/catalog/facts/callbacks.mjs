// Codes that only callbacks carry, missing from the team research file (shared/reference/telesign-codes.json).
// Same shape as that file: Telesign's code, text and description, final/httpStatus as documented, and where
// each fact was read. build-codes.mjs appends these to the reference entries.
const ENGAGE_CB = 'github.com/api-evangelist/telesign openapi/_original/telesign-engage-callbacks-openapi.json';
const VERIFY_CB = 'github.com/api-evangelist/telesign openapi/_original/telesign-verify-api-callbacks-openapi.json';
const INBOUND = `https://developer.telesign.com/enterprise/reference/emailcallbacks ; https://developer.telesign.com/enterprise/docs/messaging-receive-inbound-messages (published spec copy: ${ENGAGE_CB}, operationIds MsgSMSCallbacks, RCSCallbacks, WhatsAppCallbacks, ViberCallbacks, MMSCallbacks, EmailCallbacks: "Status codes" tables)`;
const TEMPLATES = `https://developer.telesign.com/enterprise/reference/templatescallbacks (published spec copy: ${ENGAGE_CB}, operationId templatesCallbacks: "Status codes" table)`;
const BULK = `published spec copy: ${ENGAGE_CB}, operationId bulkSMSCallbacks ("Receive Bulk SMS callbacks"): "Status codes" table`;
const INNER = `published spec copy: ${VERIFY_CB}, operationId unifiedVerifyCallbacks ("Receive Verify API Delivery Reports"): example body, inner_methods[].err_code/err_msg`;

const t = (category, source) => (code, text, description) => ({ code, text, description, final: null, httpStatus: null, category, source });
const inbound = t('messaging-inbound', INBOUND);
const template = t('messaging-templates', TEMPLATES);
const inner = t('verify-api-inner', INNER);

export default [
  inbound('1500', 'Delivered', 'Delivered to you.'),
  template('3850', 'Template successfully created', 'This template has been successfully created and is ready for use.'),
  template(
    '3851',
    'Template approved by provider',
    'This template has been successfully created by Telesign and approved by the channel provider and is ready for use.',
  ),
  template('3852', 'Template rejected by provider', 'This template has been rejected by the channel provider.'),
  template('3853', 'Template successfully removed', 'This template has been successfully removed.'),
  template('3854', 'Template flagged by provider', 'This template has been flagged by the channel provider due to misuse.'),
  template('3855', 'Template disabled by provider', 'This template has been disabled by the channel provider.'),
  template('3857', 'Removal unsuccessful - provider temporary problem', 'The template removal has been rejected by the channel provider.'),
  {
    ...t('bulk-sms', BULK)(
      '286',
      'Transaction not attempted',
      'The SMS is blocked from being sent due to the phone type not being one of the following - mobile, prepaid, personal, or pager.',
    ),
    final: true,
  },
  inner('3209', 'Unknown status', ''),
  inner('3900', 'Verified', ''),
];
