// Finds the Debian `chromium` (or CHROME_PATH). Never downloads a browser.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
    if (found) return found;
  } catch {
    // fall through to the explicit message
  }
  throw new Error(
    'No Chromium found. Browser tests need the Debian package: `apt-get install -y chromium` ' +
      '(or set CHROME_PATH to a Chromium binary). No browser is ever downloaded.',
  );
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
