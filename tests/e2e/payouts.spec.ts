import { expect, test } from '@playwright/test'

// A producer connects through the stand-in (no Stripe keys), sells a license, finds the sale email
// in the development mailbox and the line, with its test transfer, in the studio ledger.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

test('connect (stand-in), sell, sale email, ledger row', async ({ page }) => {
  // Sign-in, a purchase, the mail worker and the transfer job: longer than one page's budget.
  test.setTimeout(180_000)
  await page.goto('/studio/login')
  await page.getByLabel('Email').fill('kilo@beatstall.test')
  await page.getByLabel('Password').fill('beatstall-demo')
  await page.getByRole('button', { name: /Sign in/ }).click()
  await expect(page.getByRole('navigation', { name: 'Studio' })).toBeVisible()

  await page.getByRole('link', { name: 'Payouts' }).click()
  await expect(page.getByRole('heading', { name: 'Payouts' })).toBeVisible()
  await expect(page.getByText('Test mode: no real Stripe account.').first()).toBeVisible()
  await page.getByRole('button', { name: 'Connect with Stripe' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText('Connected (test mode)')
  await expect(page.getByText('Connected (test mode).', { exact: true })).toBeVisible()
  await page.screenshot({ path: 'test-results/payouts-desktop.png', fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: 'test-results/payouts-mobile.png', fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })

  // A buyer (a fresh context) buys one of Kilo's beats.
  const buyer = await page.context().browser()!.newContext()
  const shop = await buyer.newPage()
  await shop.goto('/producers/kilo-beats')
  const href = await shop.locator('a[href^="/beats/"]').first().getAttribute('href')
  await shop.goto(`${href!.split(/[?#]/)[0]}?tier=BASIC`)
  const title = (await shop.getByRole('heading', { level: 1 }).textContent())!.trim()
  await shop.getByRole('button', { name: /Add .* \(Basic\) to cart/ }).click()
  await shop.goto('/cart')
  await shop.getByRole('button', { name: 'Check out' }).click()
  await shop.getByLabel('Email').fill(`payouts-${Date.now()}@example.test`)
  await shop.getByLabel('Name on card').fill('Pat Buyer')
  await shop.getByRole('button', { name: /^Pay / }).click()
  await expect(shop.getByRole('heading', { name: /Thank you/ })).toBeVisible({ timeout: 20_000 })
  // Other journeys sell Kilo's beats too: this sale's email is the one naming this order.
  const orderNumber = /Order #(\d+)/.exec((await shop.getByText(/Order #\d+ is confirmed/).textContent())!)![1]!
  await buyer.close()

  // The sale email reaches the producer (the outbox worker polls every 2 s).
  const saleMail = page.getByRole('link', { name: new RegExp(`You sold a license.*\\(order #${orderNumber}\\).*kilo@beatstall\\.test`) })
  await expect(async () => {
    await page.goto('/dev/mailbox')
    await expect(saleMail.first()).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await saleMail.first().click()
  await expect(page.frameLocator('iframe').getByText(new RegExp(escape(title))).first()).toBeVisible()

  // The ledger: the line with its test transfer, once the transfer job ran.
  await expect(async () => {
    await page.goto('/studio/ledger')
    const line = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(escape(title)) }) }).first()
    await expect(line.getByText('paid', { exact: true })).toBeVisible({ timeout: 1000 })
    await expect(line.getByText(/tr_standin_/)).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await expect(page.getByRole('heading', { name: 'Monthly totals (your shares)' })).toBeVisible()
  await page.screenshot({ path: 'test-results/ledger-desktop.png', fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: 'test-results/ledger-mobile.png', fullPage: true })
})
