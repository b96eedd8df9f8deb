// A reference ID in a log is a link: Ctrl+click opens the result panel for that transaction.
import assert from 'node:assert/strict';

const REF = '364C81F5F3D0020C91E7A731DE93A777';

export default async function referenceLink(wb, { step }) {
  await wb.openFile('sample.log');
  await wb.page.locator('.monaco-editor .view-line', { hasText: REF }).first().waitFor();
  const at = await wb.locateText(REF);
  await wb.page.keyboard.down('Control');
  await wb.page.mouse.move(at.x - 20, at.y);
  await wb.page.mouse.move(at.x, at.y, { steps: 3 });
  await wb.page.waitForTimeout(300);
  await wb.screenshot('reference-link');
  await wb.page.mouse.click(at.x, at.y);
  await wb.page.keyboard.up('Control');
  step('ctrl+clicked the reference ID');

  const view = wb.webview();
  const header = view.locator('.section-header');
  await header.waitFor();
  assert.match(await header.innerText(), /3000[\s\S]*Delivered/);
  assert.match(await view.locator('.section-details').innerText(), new RegExp(REF));
  step('the result panel opened for that reference ID');
  await wb.screenshot('reference-link-panel');
}
