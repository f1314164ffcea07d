import type { Page } from '@playwright/test';

/**
 * `navigator.serviceWorker.ready` can resolve while the worker is still activating
 * (toolchain.md), so wait for the `activated` state itself, then for the page to be controlled.
 */
export async function waitForActivatedServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise<void>((resolve) => {
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') resolve();
        });
      });
    }
  });
  // The first visit is not controlled by the worker; a reload makes it so.
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
}
