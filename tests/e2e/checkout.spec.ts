import { expect, test, type Page } from '@playwright/test'

// Cart → built-in test checkout → success page, against the seeded demo store (no Stripe key).

const TIERS = [
  { id: 'BASIC', label: 'Basic' },
  { id: 'TRACKOUT', label: 'Trackout' },
  { id: 'UNLIMITED', label: 'Unlimited' },
] as const

async function beatPages(page: Page, count: number) {
  await page.goto('/')
  const hrefs = await page.locator('main a[href^="/beats/"]').evaluateAll((links) => [
    ...new Set(links.map((a) => a.getAttribute('href')!.split('?')[0]!)),
  ])
  expect(hrefs.length, 'the seeded catalog should list at least three beats').toBeGreaterThanOrEqual(count)
  return hrefs.slice(0, count)
}

async function fillCart(page: Page, screenshot?: string) {
  const hrefs = await beatPages(page, 3)
  const titles: string[] = []
  for (const [i, href] of hrefs.entries()) {
    const tier = TIERS[i]!
    await page.goto(`${href}?tier=${tier.id}`)
    titles.push((await page.getByRole('heading', { level: 1 }).textContent())!.trim())
    await page.getByRole('button', { name: new RegExp(`^Add .* \\(${tier.label}\\) to cart$`) }).click()
    await expect(page.getByRole('status').filter({ hasText: 'to your cart' })).toBeVisible()
    await expect(page.getByRole('link', { name: new RegExp(`\\(${tier.label}\\) is in your cart`) })).toBeVisible()
  }
  await expect(page.getByRole('link', { name: 'Cart, 3 items' })).toBeVisible()
  if (screenshot) await page.screenshot({ path: screenshot })
  return titles
}

test('three beats at three tiers: test checkout, pay, success page lists them; cancel keeps the cart', async ({ page }, testInfo) => {
  const titles = await fillCart(page, testInfo.outputPath('beat-page-in-cart-desktop.png'))

  await page.goto('/cart')
  await expect(page).toHaveTitle(/Your cart/)
  const lines = page.getByTestId('cart-line')
  await expect(lines).toHaveCount(3)
  for (const [i, tier] of TIERS.entries()) {
    await expect(lines.nth(i)).toContainText(titles[i]!)
    await expect(lines.nth(i).getByRole('combobox')).toHaveValue(tier.id)
  }
  const total = page.getByTestId('cart-total')
  await expect(total).toHaveText(/^\$[\d,]+\.\d\d$/)
  const cartTotal = (await total.textContent())!
  await page.screenshot({ path: testInfo.outputPath('cart-desktop.png'), fullPage: true })

  // The cart survives a reload.
  await page.reload()
  await expect(page.getByTestId('cart-line')).toHaveCount(3)

  // Cancel on the test checkout returns to the cart, intact.
  await page.getByRole('button', { name: 'Check out' }).click()
  await expect(page).toHaveURL(/\/test-checkout\/cs_test_local_/)
  await expect(page.getByRole('heading', { name: 'Test checkout — no real payment' })).toBeVisible()
  await expect(page.getByTestId('test-checkout-line')).toHaveCount(3)
  await expect(page.getByTestId('test-checkout-total')).toHaveText(cartTotal)
  await page.screenshot({ path: testInfo.outputPath('test-checkout-desktop.png'), fullPage: true })
  await page.getByRole('button', { name: 'Cancel and return to the cart' }).click()
  await expect(page).toHaveURL(/\/cart$/)
  await expect(page.getByTestId('cart-line')).toHaveCount(3)

  // Pay.
  await page.getByRole('button', { name: 'Check out' }).click()
  await expect(page).toHaveURL(/\/test-checkout\//)
  await page.getByLabel('Email').fill('e2e-buyer@example.test')
  await page.getByLabel('Name on card').fill('Eve Tester')
  await page.getByRole('button', { name: /^Pay / }).click()

  await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_test_local_/)
  await expect(page.getByRole('heading', { name: 'Thank you, Eve!' })).toBeVisible()
  const orderLines = page.getByTestId('order-line')
  await expect(orderLines).toHaveCount(3)
  for (const [i, tier] of TIERS.entries()) {
    await expect(orderLines.nth(i)).toContainText(titles[i]!)
    await expect(orderLines.nth(i)).toContainText(`${tier.label} license`)
  }
  await expect(page.getByTestId('order-total')).toHaveText(cartTotal)
  // The cart empties on success.
  await expect(page.getByRole('link', { name: 'Cart, 0 items' })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('success-desktop.png'), fullPage: true })
})

test('on a 375 px phone the cart and the test checkout are usable', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 })
  await fillCart(page, testInfo.outputPath('beat-page-in-cart-mobile.png'))
  await page.goto('/cart')
  await expect(page.getByTestId('cart-line')).toHaveCount(3)
  // Changing a tier re-prices the line from the server.
  const first = page.getByTestId('cart-line').first()
  await first.getByRole('combobox').selectOption('UNLIMITED')
  await expect(first.getByRole('combobox')).toHaveValue('UNLIMITED')
  await expect(first).toContainText('Stems (zip)')
  // Nothing in the cart page itself is wider than the phone.
  const widest = await page.locator('main').evaluate((main) => Math.max(main.scrollWidth, ...[...main.querySelectorAll('li')].map((li) => li.getBoundingClientRect().right)))
  expect(widest).toBeLessThanOrEqual(375)
  await page.screenshot({ path: testInfo.outputPath('cart-mobile.png'), fullPage: true })
  await page.getByRole('button', { name: 'Check out' }).click()
  await expect(page.getByRole('heading', { name: 'Test checkout — no real payment' })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('test-checkout-mobile.png'), fullPage: true })
  await page.getByLabel('Email').fill('phone@example.test')
  await page.getByLabel('Name on card').fill('Pho Ne')
  await page.getByRole('button', { name: /^Pay / }).click()
  await expect(page.getByTestId('order-line')).toHaveCount(3)
  await page.screenshot({ path: testInfo.outputPath('success-mobile.png'), fullPage: true })
})

test('remove and clear, and a second tab sees the same cart', async ({ page, context }) => {
  await fillCart(page)
  const other = await context.newPage()
  await other.goto('/cart')
  await expect(other.getByTestId('cart-line')).toHaveCount(3)
  await page.goto('/cart')
  const first = page.getByTestId('cart-line').first()
  await first.getByRole('button', { name: /^Remove / }).click()
  await expect(page.getByTestId('cart-line')).toHaveCount(2)
  // The other tab follows through the storage event, without a reload.
  await expect(other.getByTestId('cart-line')).toHaveCount(2)
  await expect(other.getByRole('link', { name: 'Cart, 2 items' })).toBeVisible()
  await page.getByRole('button', { name: 'Clear cart' }).click()
  await expect(page.getByText('Your cart is empty.')).toBeVisible()
  await expect(other.getByText('Your cart is empty.')).toBeVisible()
})
