import type { Page } from 'playwright-core';

/**
 * Signs in to the dashboard with the analyst key and opens the impact tab on a campaign, as an
 * analyst does: the impact bench's screenshot and the impact dashboard test start from there.
 */
export async function openImpactTab(page: Page, api: { url: string; analystKey: string }, campaignId: string): Promise<void> {
  await page.goto(`${api.url}/dashboard`);
  await page.getByLabel('Chiave API').fill(api.analystKey);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('button', { name: 'Impatto' }).click();
  await page.getByLabel('Campagna da valutare').selectOption(`c:${campaignId}`);
}
