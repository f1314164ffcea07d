// Renders public/favicon.svg into the PNG icons the manifest lists, with Debian's chromium.
// Run once after changing the SVG: `node scripts/make-icons.mjs`. The PNGs are source assets.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const targets = [
  { file: 'icon-192.png', size: 192, padding: 0 },
  { file: 'icon-512.png', size: 512, padding: 0 },
  // Maskable: the glyph inside the 80 % safe zone on a full-bleed background.
  { file: 'icon-maskable-512.png', size: 512, padding: 0.2 },
  { file: 'apple-touch-icon-180.png', size: 180, padding: 0.1 },
];
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const { file, size, padding } of targets) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * (1 - padding));
  await page.setContent(
    `<body style="margin:0;background:#0d1117;display:grid;place-items:center;height:${size}px">
       <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div>
     </body>`,
  );
  await page.screenshot({ path: new URL(`../public/icons/${file}`, import.meta.url).pathname });
}
await browser.close();
