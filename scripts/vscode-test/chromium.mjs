// Debian's Chromium as the tests, the npm start smoke test and the benchmarks launch it. This machine's network
// is closed: without the background-networking, component-update and sync switches Chromium keeps opening
// connections that are refused; --no-sandbox because the runs are as root. Playwright adds a fresh profile.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
