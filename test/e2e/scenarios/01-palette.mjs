// The Command Palette offers every Telesign command under its category, with the titles the manifest gives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export default async function palette(wb, { step }) {
  const nls = JSON.parse(readFileSync(new URL('../../../package.nls.json', import.meta.url), 'utf8'));
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  const hidden = new Set(pkg.contributes.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
  const expected = pkg.contributes.commands.filter((c) => !hidden.has(c.command)).map((c) => `Telesign: ${nls[c.title.slice(1, -1)]}`);

  await wb.page.keyboard.press('F1');
  await wb.page.locator('.quick-input-widget input').fill('>Telesign: ');
  await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Telesign:' }).first().waitFor();
  await wb.page.waitForTimeout(300);
  const rows = await wb.page.locator('.quick-input-list .monaco-list-row .quick-input-list-label').allInnerTexts();
  step(`palette shows ${rows.length} Telesign rows at first (the list is virtual: only what fits is in the DOM)`);
  await wb.screenshot('palette');
  // Each title on its own, so the check does not depend on how many rows fit on screen.
  const input = wb.page.locator('.quick-input-widget input');
  for (const title of expected) {
    await input.fill(`>${title}`);
    const row = wb.page.locator('.quick-input-list .monaco-list-row .quick-input-list-label', { hasText: title }).first();
    const found = await row.waitFor({ timeout: 5000 }).then(
      () => true,
      () => false,
    );
    assert.ok(found, `palette lacks "${title}"`);
  }
  step(`all ${expected.length} commands are in the palette under their titles`);
  await wb.page.keyboard.press('Escape');
}
