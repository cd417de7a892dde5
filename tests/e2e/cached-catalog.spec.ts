import { expect, test, type Page } from '@playwright/test'

// A catalog page the browser revalidates (If-None-Match → 304, its stored copy reused) is still a
// working page: the cart count, which lives in the browser, is right, its scripts run under the
// stored page's policy, and buying from it works.

const cartCount = (page: Page) => page.getByTestId('cart-count')
const results = (page: Page) => page.getByRole('list', { name: 'Beats' })

/** "Add to cart" on the first card not yet in the cart: one click, or Basic from the tier sheet. */
async function addFirstCard(page: Page) {
  const button = results(page).getByRole('button', { name: /^Add .* to cart$/ }).first()
  const opensSheet = (await button.getAttribute('aria-haspopup')) === 'dialog'
  await button.click()
  if (opensSheet) {
    const sheet = page.getByRole('dialog', { name: 'Choose a license' })
    await expect(sheet).toBeVisible()
    await sheet.getByText('Basic', { exact: true }).click()
    await sheet.getByRole('button', { name: 'Add Basic to cart' }).click()
    await expect(sheet).toHaveCount(0)
  }
}

for (const viewport of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
]) {
  test(`a revalidated catalog page shows the right cart count (${viewport.name})`, async ({ page }) => {
    // Two full loads, a reload and a client-side round trip: about 55 s on a busy two-core machine.
    test.setTimeout(120_000)
    await page.setViewportSize({ width: viewport.width, height: viewport.height })
    const problems: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text())
    })
    page.on('pageerror', (e) => problems.push(e.message))
    // What the server answered for the catalog document, each time it was asked.
    const documentStatuses: number[] = []
    page.on('response', (r) => {
      if (r.request().resourceType() === 'document' && new URL(r.url()).pathname === '/') documentStatuses.push(r.status())
    })
    const revalidations: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'document' && new URL(r.url()).pathname === '/') {
        void r.allHeaders().then((h) => {
          if (h['if-none-match']) revalidations.push(h['if-none-match'])
        })
      }
    })

    const first = await page.goto('/')
    expect(first?.headers()['etag']).toMatch(/^W\/"c\d+-/)
    await expect(results(page).getByRole('listitem').first()).toBeVisible()
    await addFirstCard(page)
    await expect(cartCount(page)).toHaveText('1')

    // Reload: the browser asks with the validator and the server answers 304.
    await page.reload()
    await expect.poll(() => revalidations.length).toBeGreaterThan(0)
    expect(revalidations[0]).toBe(first?.headers()['etag'])
    await expect(cartCount(page)).toHaveText('1')
    await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible()

    // The reused page is interactive: its scripts ran (a second beat goes into the cart).
    await addFirstCard(page)
    await expect(cartCount(page)).toHaveText('2')

    // Client-side navigation to a beat page and back keeps the count (the .data requests are cached too).
    await results(page).getByRole('heading', { level: 3 }).first().getByRole('link').click()
    await expect(page).toHaveURL(/\/beats\//)
    await expect(cartCount(page)).toHaveText('2')
    await page.goBack()
    await expect(page).toHaveURL(/\/$/)
    await expect(results(page).getByRole('listitem').first()).toBeVisible()
    await expect(cartCount(page)).toHaveText('2')
    await expect(page.getByRole('note').filter({ hasText: 'Test mode' })).toBeVisible()
    await page.screenshot({ path: test.info().outputPath(`cached-catalog-${viewport.name}.png`), fullPage: false })

    expect(problems).toEqual([])
    expect(documentStatuses.length).toBeGreaterThanOrEqual(2)
  })
}
