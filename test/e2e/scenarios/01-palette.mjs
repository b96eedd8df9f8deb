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
  const shown = rows.map((r) => r.replace(/\s+/g, ' ').trim());
  step(`palette shows ${shown.length} Telesign rows`);
  for (const title of expected) {
    assert.ok(
      shown.some((r) => r.startsWith(title)),
      `palette lacks "${title}" (shown: ${shown.join(' | ')})`,
    );
  }
  await wb.screenshot('palette');
  await wb.page.keyboard.press('Escape');
}
