// Takes the README's screenshot from the built web app (run `vite build` first): node scripts/screenshot.mjs [route]
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';

const route = process.argv[2] ?? 'programs';
const { server, url } = await startStaticServer('dist/renderer', 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' });
await page.goto(`${url}#/${route}`);
await page.waitForTimeout(1500);
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
server.close();
console.log('Wrote docs/screenshot.png');
