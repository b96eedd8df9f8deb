// Palette -> reference ID -> OTP -> the result panel shows the verified state; then the same panel in the
// light, dark and both high-contrast themes (screenshots looked at by eye and used in README).
import assert from 'node:assert/strict';
import { enterReferenceId } from '../workbench.mjs';

const REF = '364C81F5F3D0020C91E7A731DE93A777'; // simulator: Telesign's published example, auto OTP 50361

export default async function lookupVerified(wb, { step }) {
  await wb.runCommand('Telesign: Get Transaction Status…');
  await enterReferenceId(wb, REF);
  await wb.answer('OTP the end user entered', '50361');
  step('lookup submitted');

  const view = wb.webview();
  const verify = view.locator('.section-verify');
  await verify.waitFor();
  assert.match(await verify.innerText(), /Valid: the code matches/);
  const header = await view.locator('.section-header').innerText();
  assert.match(header, /3000/);
  assert.match(header, /Delivered/);
  const channels = await view.locator('.section-channels').innerText();
  assert.match(channels, /viber[\s\S]*3112[\s\S]*whatsapp[\s\S]*3000/);
  step('panel shows 3000 Delivered, VALID, viber -> whatsapp');

  for (const theme of ['light', 'dark', 'hc-dark', 'hc-light']) {
    await wb.setTheme(theme);
    // The panel follows the theme: its body carries VS Code's theme class.
    await wb.page.waitForTimeout(400);
    const kind = await view.locator('body').getAttribute('class');
    assert.ok(
      kind && kind.includes(theme.startsWith('hc') ? 'vscode-high-contrast' : theme === 'dark' ? 'vscode-dark' : 'vscode-light'),
      `webview body class "${kind}" for ${theme}`,
    );
    await wb.screenshot(`lookup-verified-${theme}`);
  }
  await wb.setTheme('light');
}
