// A fresh window where nothing has used the extension: the front door alone shows the active profile in the
// status bar; opening the Telesign sidebar is a first use that loads the features through the views the
// front door registered, and the views fill in (the log says what loaded them).
export default async function frontDoor(wb, { step }) {
  const { page } = wb;
  await page.locator('.statusbar-item', { hasText: 'Telesign: Local simulator' }).waitFor();
  step('the status bar shows the active profile before any use');

  await page.locator('.activitybar .action-item a[aria-label^="Telesign"]').first().click();
  const profiles = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^\s*Profiles/i }) });
  await profiles.locator('.monaco-list-row', { hasText: 'Local simulator' }).waitFor();
  await profiles.locator('.monaco-list-row', { hasText: 'Simulator (your key)' }).waitFor();
  await wb.screenshot('front-door-sidebar');
  step('opening the sidebar loaded the features: the Profiles view lists both profiles');

  await wb.runCommand('Telesign: Show Log');
  await page
    .locator('.view-lines', { hasText: /Features\sloaded\son\sfirst\suse:\sview\s/ })
    .first()
    .waitFor();
  step('the log says a view loaded them');
}
