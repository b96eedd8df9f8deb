// Summarize Telesign Codes in Log File…: the quick pick lists codes with their meaning and reference IDs
// with their last status; choosing a code opens its line, choosing a reference ID looks it up.
import assert from 'node:assert/strict';

export default async function summarizeLog(wb, { step }) {
  const { page } = wb;
  await wb.openFile('sample.log');
  await wb.runCommand('Telesign: Summarize Telesign Codes in Log File…');
  const list = page.locator('.quick-input-list');
  await page.locator('.quick-input-widget', { hasText: 'Telesign codes in sample.log' }).waitFor();
  await list.locator('.monaco-list-row', { hasText: '3204' }).first().waitFor();
  const rows = (await list.locator('.monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
  assert.ok(
    rows.some((r) => /3204.*Rate limit exceeded/.test(r)),
    `3204 with its meaning in: ${rows.join(' | ')}`,
  );
  assert.ok(
    rows.some((r) => /-10004.*expired/i.test(r)),
    '-10004 with its meaning',
  );
  assert.ok(
    rows.some((r) => /Reference IDs \(2\)/.test(r)),
    'a section of the two reference IDs',
  );
  assert.ok(!rows.some((r) => /(^|\s)200 /.test(r) && /healthz/.test(r)), 'no row for the unrelated HTTP 200');
  step(`summary lists ${rows.length} rows`);
  await wb.screenshot('summary');

  await page.locator('.quick-input-widget input').fill('-10004');
  await list.locator('.monaco-list-row', { hasText: '-10004' }).first().waitFor();
  await page.locator('.quick-input-widget input').press('Enter');
  await page.locator('.statusbar-item', { hasText: 'Ln 6, Col 1' }).waitFor();
  step('choosing -10004 put the cursor on its line (6)');

  await wb.runCommand('Telesign: Summarize Telesign Codes in Log File…');
  await page.locator('.quick-input-widget input').fill('364C81F5');
  await list.locator('.monaco-list-row', { hasText: '364C81F5F3D0020C91E7A731DE93A777' }).first().waitFor();
  await page.locator('.quick-input-widget input').press('Enter');
  const header = wb.webview().locator('.section-header');
  await header.waitFor();
  assert.match(await header.innerText(), /Delivered/);
  step('choosing a reference ID looked it up');
}
