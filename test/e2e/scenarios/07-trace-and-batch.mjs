// Trace Reference ID… shows one transaction's lines in time order with the codes' meanings; Look Up All
// Reference IDs… asks first, then fills a sortable table (failures and not-final first) whose rows open
// their stored answer; the table in all four themes (screenshots looked at by eye and used in README).
import assert from 'node:assert/strict';

const REF = '364C81F5F3D0020C91E7A731DE93A777';

export default async function traceAndBatch(wb, { step }) {
  const { page } = wb;
  await wb.openFile('sample.log');
  await wb.runCommand('Telesign: Trace Reference ID…');
  await wb.answer('every line mentioning it or its child IDs', REF);
  const list = page.locator('.quick-input-list');
  await page.locator('.quick-input-widget', { hasText: `Trace ${REF}` }).waitFor();
  await list.locator('.monaco-list-row', { hasText: '3204' }).first().waitFor();
  const rows = (await list.locator('.monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
  assert.ok(
    rows.some((r) => /09:14:05\.002 3204 Rate limit exceeded.*sample\.log:3/.test(r)),
    `the 429 line with its meaning in: ${rows.join(' | ')}`,
  );
  const times = rows.map((r) => /2026-11-23 (\d\d:\d\d:\d\d\.\d\d\d)/.exec(r)?.[1]).filter(Boolean);
  assert.deepStrictEqual(times, [...times].sort(), 'in time order');
  step(`trace lists ${rows.length} rows in time order`);
  await wb.screenshot('trace-timeline');
  await list.locator('.monaco-list-row', { hasText: 'sample.log:3' }).first().click();
  await page.locator('.statusbar-item', { hasText: 'Ln 3, Col 1' }).waitFor();
  step('choosing a line opened it (line 3)');

  await wb.runCommand('Telesign: Look Up All Reference IDs…');
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'Look up 2 reference IDs' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Local simulator/);
  await dialog.getByRole('button', { name: 'Look Up 2' }).click();
  const view = wb.webview();
  await view.locator('table tbody tr').nth(1).waitFor();
  await view.locator('.progress', { hasText: 'looked up' }).waitFor();
  const table = (await view.locator('table tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
  assert.match(table[0], /0123456789ABCDEF0123456789ABCDEF.*failed/, `the failure first: ${table.join(' | ')}`);
  assert.match(table[1], new RegExp(`${REF}.*3000.*final`));
  step('the table lists the failure first, then the delivered transaction');
  for (const theme of ['light', 'dark', 'hc-dark', 'hc-light']) {
    await wb.setTheme(theme);
    await page.waitForTimeout(400);
    await wb.screenshot(`batch-table-${theme}`);
  }
  await wb.setTheme('light');
  await view.locator('th button', { hasText: 'Reference ID' }).click();
  assert.strictEqual(await view.locator('th', { hasText: 'Reference ID' }).getAttribute('aria-sort'), 'ascending');
  step('sorting by a column says so (aria-sort)');
  await view.locator('a', { hasText: REF }).click();
  const header = wb.webview().locator('.section-header');
  await header.waitFor();
  assert.match(await header.innerText(), /Delivered/);
  step('a row opened its stored answer in the result panel');
}
