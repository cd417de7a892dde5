import { expect, test } from '@playwright/test'

test('the store answers and its health check sees the database', async ({ page, request }) => {
  const health = await request.get('/healthz')
  expect(health.status()).toBe(200)
  expect(await health.json()).toMatchObject({ status: 'ok', database: { ok: true } })
  await page.goto('/')
  await expect(page.getByRole('link', { name: 'beatstall' })).toBeVisible()
  await expect(page.getByRole('note')).toContainText('Test mode')
})
