// Hovering Telesign codes in a .log file explains them; a number that is not a Telesign code gets nothing.
import assert from 'node:assert/strict';

export default async function logHover(wb, { step }) {
  await wb.openFile('sample.log');
  await wb.page.locator('.monaco-editor .view-line', { hasText: '3204' }).first().waitFor();

  const rate = await wb.hover('3204');
  assert.match(rate, /3204/);
  assert.match(rate, /Rate limit exceeded/);
  assert.match(rate, /Look up this transaction/);
  step(`hover on 3204: ${rate.split('\n')[0]}`);
  await wb.screenshot('hover-3204');

  await wb.page.mouse.move(5, 5);
  await wb.page.keyboard.press('Escape');
  const expired = await wb.hover('10004');
  assert.match(expired, /-10004/);
  assert.match(expired, /12 hours|12-hour/);
  step('hover on -10004 explains the 12-hour window');
  await wb.setTheme('dark');
  await wb.hover('10004');
  await wb.screenshot('hover-expired-dark');
  await wb.setTheme('light');

  // A trap: the last line's "200 12ms" is an unrelated HTTP access line.
  await wb.page.mouse.move(5, 5);
  await wb.page.keyboard.press('Escape');
  const status = wb.page.locator('.monaco-editor .view-line', { hasText: '/healthz' }).locator('span span', { hasText: /^200$/ }).first();
  const box = await status.boundingBox();
  assert.ok(box, 'the 200 of the /healthz line is on screen');
  await wb.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  await wb.page.waitForTimeout(1500);
  const shown = await wb.page.locator('.monaco-hover:not(.hidden) .rendered-markdown').count();
  assert.equal(shown, 0, 'no Telesign hover on an unrelated HTTP status');
  step('no hover on the /healthz 200 trap');
}
