import { expect, test } from '@playwright/test';
import { waitForActivatedServiceWorker } from './support/service-worker.ts';
import { enroll, enrollmentCode, syncBadge } from './support/tablet.ts';

test('the installed app shell opens offline after the first visit', async ({
  page,
  context,
  request,
}) => {
  await page.goto('/#/settings');
  await expect(
    page.getByRole('heading', { name: 'Protocol and center settings in force' }),
  ).toBeVisible();
  await waitForActivatedServiceWorker(page);

  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (!link) return null;
    return (await fetch(link.href)).json() as Promise<{
      icons: { purpose?: string }[];
      display: string;
    }>;
  });
  expect(manifest?.display).toBe('standalone');
  expect(manifest?.icons.some((i) => i.purpose === 'maskable')).toBe(true);

  // Enrolled, so the badge reports the connection (a tablet never enrolled says so instead).
  await enroll(page, await enrollmentCode(request), 'Shell tablet');
  await expect(syncBadge(page)).toHaveText(/^(Synced |Not synced yet)/);

  await context.setOffline(true);
  await page.goto('/#/settings');
  await page.reload();
  await expect(
    page.getByRole('heading', { name: 'Protocol and center settings in force' }),
  ).toBeVisible();
  // The sync client's own view: the browser's offline event, or its failed request to the center.
  await expect(syncBadge(page)).toHaveText(/^(Offline|No connection to the center · 0 waiting)$/);
  await expect(syncBadge(page)).toHaveAttribute('href', '#/sync');
});
