// The Telesign sidebar: two lookups of one transaction (3001 in progress, then, a minute later on the
// simulator's clock, 3000 delivered) are listed in the Transactions view; the older one opens from its stored
// response with no request reaching the simulator (its admin request log proves it); the two compare as a
// diff. The sidebar with the diff in all four themes (screenshots looked at by eye and used in README).
import assert from 'node:assert/strict';

const REF = 'A0000000000000000000000000003001'; // simulator: 3001 in progress for 60 s, then 3000 delivered
const SHORT = 'A0000000…3001';

async function admin(path, body) {
  const res = await fetch(`${process.env.SIM_URL}/_sim/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: globalThis.AbortSignal.timeout(5000),
  });
  assert.ok(res.ok, `simulator admin ${path}: HTTP ${res.status}`);
  return res.json();
}

const apiRequests = async () => {
  const r = await admin('requests');
  return (Array.isArray(r) ? r : r.requests).length;
};

async function lookUp(wb, expected) {
  await wb.runCommand('Telesign: Get Transaction Status…');
  // After the first lookup the recent-IDs pick comes first (its prompt is a placeholder, not text): choose
  // "Enter a reference ID…" there. Its list can re-render under a click, so retry.
  const box = wb.quickInput.filter({ hasText: 'Reference ID of the transaction' });
  const enterNew = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Enter a reference ID' }).first();
  await Promise.race([box.waitFor(), enterNew.waitFor()]);
  for (let i = 0; i < 5 && !(await box.isVisible()); i++) {
    await enterNew.click();
    await box.waitFor({ timeout: 2000 }).catch(() => undefined);
  }
  await wb.answer('Reference ID of the transaction', REF);
  await wb.answer('OTP the end user entered', '');
  await wb.webview().locator('.section-header', { hasText: expected }).waitFor();
}

export default async function sidebar(wb, { step }) {
  const { page } = wb;
  await wb.runCommand('Telesign: Clear Stored Responses');
  const confirm = page.locator('.monaco-dialog-box', { hasText: 'Remove every stored Telesign response' });
  await confirm.waitFor();
  await confirm.getByRole('button', { name: 'Clear' }).click();
  await admin('reset', {});

  await lookUp(wb, '3001');
  await admin('clock', { advanceMs: 61000 });
  await lookUp(wb, '3000');
  step('two lookups: 3001 in progress, then 3000 delivered');

  await page.locator('.activitybar .action-item a[aria-label^="Telesign"]').first().click();
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Transactions/i }) });
  const rows = pane.locator('.monaco-list-row', { hasText: SHORT });
  await rows.nth(1).waitFor();
  const texts = (await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  assert.match(texts[0], /Recent.*2/, `a Recent group of 2: ${texts.join(' | ')}`);
  assert.match(texts[1], /3000 Delivered/, `newest first: ${texts.join(' | ')}`);
  assert.match(texts[2], /3001/, `then the in-progress one: ${texts.join(' | ')}`);
  step(`the Transactions view lists ${texts.slice(1).join(' | ')}`);

  await wb.closeAllEditors();
  const before = await apiRequests();
  await rows.nth(1).click();
  const view = wb.webview();
  await view.locator('.section-header', { hasText: '3001' }).waitFor();
  await view
    .getByText(/Stored response from/)
    .first()
    .waitFor();
  await page.waitForTimeout(1000); // anything sent late would land in the log by now
  assert.strictEqual(await apiRequests(), before, 'opening a stored response sends nothing');
  step(`the older lookup opened from its stored response; the simulator still has ${before} requests`);
  await wb.screenshot('sidebar-stored-light');

  await wb.closeAllEditors();
  await rows.nth(0).click({ button: 'right' });
  // VS Code's context menu acts on keys reliably (a synthetic click can land while it still animates).
  const compare = page.locator('.context-view .action-item', { hasText: 'Compare with Another Lookup…' });
  await compare.waitFor();
  for (let i = 0; i < 10 && !/focused/.test((await compare.getAttribute('class')) ?? ''); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  const diff = page.locator('.monaco-diff-editor').first();
  await diff.waitFor();
  await diff.locator('.line-insert, .char-insert').first().waitFor();
  const right = await diff.locator('.editor.modified .view-lines').innerText();
  assert.match(right, /3000/, `the newer side shows 3000: ${right}`);
  const left = await diff.locator('.editor.original .view-lines').innerText();
  assert.match(left, /3001/, `the older side shows 3001: ${left}`);
  assert.strictEqual(await apiRequests(), before, 'comparing sends nothing');
  step('the comparison opened as a diff (3001 → 3000), still no request');
  for (const theme of ['light', 'dark', 'hc-dark', 'hc-light']) {
    await wb.setTheme(theme);
    await page.waitForTimeout(400);
    await wb.screenshot(`sidebar-compare-${theme}`);
  }
  await wb.setTheme('light');
}
