import { expect, test } from '@playwright/test';
import { waitForActivatedServiceWorker } from './support/service-worker.ts';

test('the installed app shell opens offline after the first visit', async ({ page, context }) => {
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

  await context.setOffline(true);
  await page.reload();
  await expect(
    page.getByRole('heading', { name: 'Protocol and center settings in force' }),
  ).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
});
