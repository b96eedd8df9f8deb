// A lookup on a profile with no credentials offers to set them, continues the same lookup, and a wrong key
// shows the error with its action. Then the right key, through the panel's own button, gives the result.
import assert from 'node:assert/strict';
import { enterReferenceId } from '../workbench.mjs';

const REF = '364C82042F68010C91E2B8633BE34860'; // simulator: published example, OTP not auto-generated
const CUSTOMER = 'FFFFFFFF-EEEE-DDDD-1234-AB1234567890';
const RIGHT_KEY = 'ABC12345yusumoN6BYsBVkh+yRJ5czgsnCehZaOYldPJdmFh6NeX8kunZ2zU1YWaUw/0wV6xfw==';
const WRONG_KEY = 'd3Jvbmcga2V5IGZvciB0aGUgZGVtbw==';

export default async function lookupError(wb, { step }) {
  const { page } = wb;
  await wb.choose('Telesign: Select Profile…', 'Simulator (your key)');
  await page.locator('.statusbar-item', { hasText: 'Telesign: Simulator (your key)' }).waitFor();
  step('profile switched (status bar follows)');

  await wb.runCommand('Telesign: Get Transaction Status…');
  await enterReferenceId(wb, REF);
  await wb.answer('OTP the end user entered', '');
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'No Telesign credentials are set' });
  await dialog.waitFor();
  await wb.screenshot('lookup-no-credentials');
  await dialog.getByRole('button', { name: 'Set Credentials' }).click();
  await wb.answer('Customer ID', CUSTOMER);
  await wb.answer('API key', WRONG_KEY);
  step('credentials entered (wrong key); the lookup continues');

  const view = wb.webview();
  const error = view.locator('.section-error');
  await error.waitFor();
  const text = await error.innerText();
  assert.match(text, /Authentication failed/);
  assert.match(text, /Set Credentials/);
  assert.doesNotMatch(await view.locator('body').innerText(), new RegExp(WRONG_KEY.replace(/[+/=]/g, '.')));
  await wb.setTheme('dark');
  await wb.screenshot('lookup-error-dark');
  step('panel shows the auth error with its action');

  await error.getByRole('button', { name: /Set Credentials/ }).click();
  await wb.answer('Customer ID', CUSTOMER);
  await wb.answer('API key', RIGHT_KEY);
  await view.locator('.section-header', { hasText: 'Delivered' }).waitFor();
  assert.equal(await view.locator('.section-error').count(), 0);
  assert.match(
    await view
      .locator('.section-verify')
      .innerText()
      .catch(() => ''),
    /^$|No verification data|not auto-generated/,
  );
  step('the panel button set the right key and re-ran the lookup: 3000 Delivered');
  await wb.setTheme('light');
  // The active profile is a user setting: put the demo profile back for the scenarios that follow.
  await wb.choose('Telesign: Select Profile…', 'Local simulator');
  await page.locator('.statusbar-item', { hasText: 'Telesign: Local simulator' }).waitFor();
}
