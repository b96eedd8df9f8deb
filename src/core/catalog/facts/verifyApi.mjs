// Verify API (verify.telesign.com /verification) codes its published spec documents that the team research
// file (shared/reference/telesign-codes.json) lacks: the request errors every /verification operation shares
// (components.responses StandardMSG400/401/503ErrorResponse), and the per-method results its GET examples
// show inside inner_methods. Same shape as that file; build-codes.mjs appends these.
const SPEC =
  'github.com/api-evangelist/telesign openapi/_original/telesign-verify-api-openapi.json (published copy of https://developer.telesign.com/enterprise/reference/createverificationprocess)';
const ERR400 = `${SPEC}: components.responses.StandardMSG400ErrorResponse "Status.code" table`;
const ERR401 = `${SPEC}: components.responses.StandardMSG401ErrorResponse "Status.code" table`;
const ERR503 = `${SPEC}: components.responses.StandardMSG503ErrorResponse "Status.code" table`;
const INNER = `${SPEC}: operationId getVerificationProcess, examples "Silent Verify", "Push Verify" and "Voice", inner_methods[].err_code/err_msg`;

const api = (httpStatus, source) => (code, text, description) => ({
  code,
  text,
  description,
  final: true,
  httpStatus,
  category: 'verify-api',
  source,
});
const inner = (code, text, description, final) => ({
  code,
  text,
  description,
  final,
  httpStatus: null,
  category: 'verify-api-inner',
  source: INNER,
});

export default [
  api(400, ERR400)(
    '3101',
    'Invalid value for parameter phone_number: {phone_number}',
    'Phone number is too long, too short, or contains non-digit values.',
  ),
  api(400, ERR400)(
    '3103',
    'Unsupported value for parameter external_id',
    'External ID is longer than 100 characters or contains non-ASCII characters.',
  ),
  api(400, ERR400)('3110', 'Invalid request', 'The API request or its JSON payload is improperly formatted.'),
  api(400, ERR400)('3302', 'Missing parameter phone_number', 'The API request does not contain the mandatory parameter phone_number.'),
  api(401, ERR401)('3400', 'Not authorized', 'No permissions for this resource or authorization failed.'),
  api(503, ERR503)('3500', 'System Unavailable', 'The system is currently unavailable. You should resubmit this request.'),
  inner('3901', 'Request in progress', '', false),
  inner('3000', 'Delivered', '', false),
];
