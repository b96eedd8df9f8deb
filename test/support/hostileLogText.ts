// Generated log text that makes the scanner work hard: near-codes, keys, hex runs, JSON shapes, URLs.
import fc from 'fast-check';

export const LOG_FRAGMENTS = [
  'code',
  'code:',
  'code=',
  '"code":',
  'status.code=',
  'errors[0].code:',
  'status_code=',
  '-10004',
  '-1000',
  '3204',
  '30066',
  '364C81F5F3D0020C91E7A731DE93A777',
  'ABCDEF',
  '0',
  '9',
  ' ',
  '.',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ':',
  '=',
  '-',
  '/v1/omnichannel/',
  '/verification/',
  'telesign',
  'x-ts-',
  '{"status":{"code":',
  'reference_id',
  '\t',
  '\u00A0',
  'é',
  '😀',
  '\u200B',
  'a.',
  'A',
];

/** One line (it may hold \r or \n from the random strings; logLines() removes them). */
export const logLine = fc
  .array(fc.oneof(fc.constantFrom(...LOG_FRAGMENTS), fc.string({ maxLength: 8, unit: 'grapheme' })), { maxLength: 60 })
  .map((a) => a.join(''));

/** Lines without line terminators. */
export const logLines = (maxLength = 40): fc.Arbitrary<string[]> =>
  fc.array(
    logLine.map((l) => l.replace(/[\r\n]/g, ' ')),
    { maxLength },
  );
