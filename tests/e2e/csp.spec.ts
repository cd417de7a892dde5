import { expect, test, type Page, type Response } from '@playwright/test'

// The Content-Security-Policy in a real Chromium: the main pages, the player, the cart, the test
// checkout, the mailbox's framed email, the studio and a 404 work under it, and the browser
// reports no violation (neither a `securitypolicyviolation` event nor a console message).

const DEMO_PRODUCER = { email: 'nova@beatstall.test', password: 'beatstall-demo' }

/** Collects every CSP violation the pages of this test report, in any frame, across navigations. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation?: (t: string) => void }).__reportCspViolation
      report?.(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sample})`)
    })
  })
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`))
  return violations
}

/** The document really was served under a nonce-based policy (so "no violation" means something). */
function expectPolicy(response: Response | null) {
  const csp = response?.headers()['content-security-policy'] ?? ''
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/)
  expect(csp).toContain("frame-ancestors 'none'")
}

async function elapsedSeconds(page: Page): Promise<number> {
  return page.locator('audio').evaluate((audio: HTMLAudioElement) => audio.currentTime)
}

test('no CSP violation on the main pages, and they still work', async ({ page }) => {
  test.setTimeout(120_000)
  const violations = await watchViolations(page)

  // Catalog, and the player: a preview really plays.
  expectPolicy(await page.goto('/'))
  const results = page.getByRole('list', { name: 'Beats' })
  await expect(results.getByRole('listitem').first()).toBeVisible()
  const firstTitle = (await results.getByRole('heading', { level: 3 }).first().textContent())!
  await results.getByRole('button', { name: `Play ${firstTitle}`, exact: true }).click()
  await expect(page.getByRole('region', { name: 'Player' }).getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect.poll(() => elapsedSeconds(page), { timeout: 15_000 }).toBeGreaterThan(0.5)
  // Covers load (same-origin images).
  await expect.poll(() => page.locator('main img').evaluateAll((imgs) => imgs.some((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(true)

  // A beat page (a full load), into the cart.
  const beatHref = (await results.getByRole('link').first().getAttribute('href'))!.split('?')[0]!
  expectPolicy(await page.goto(beatHref))
  await page.getByRole('button', { name: /^Add .* to cart$/ }).click()
  await expect(page.getByRole('status').filter({ hasText: 'to your cart' })).toBeVisible()

  // The cart, and the checkout flow to the test checkout and back with a paid order.
  expectPolicy(await page.goto('/cart'))
  await expect(page.getByTestId('cart-line')).toHaveCount(1)
  await page.getByRole('button', { name: 'Check out' }).click()
  await expect(page.getByRole('heading', { name: 'Test checkout — no real payment' })).toBeVisible()
  const buyer = `csp-${Date.now()}@example.test`
  await page.getByLabel('Email').fill(buyer)
  await page.getByLabel('Name on card').fill('Cee Spee')
  await page.getByRole('button', { name: /^Pay / }).click()
  await expect(page.getByTestId('order-line')).toHaveCount(1)

  // Orders: ask for the link, read it in the mailbox (the email is framed), open it.
  expectPolicy(await page.goto('/orders'))
  await page.getByLabel('Email address').fill(buyer)
  await page.getByRole('button', { name: 'Email me my order link' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText('a link is on its way')
  const orderLinkMail = page.getByRole('link', { name: new RegExp(`Your Beatstall order link.*${buyer.replace(/[.+]/g, '\\$&')}`) })
  await expect(async () => {
    await page.goto('/dev/mailbox')
    await expect(orderLinkMail).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 20_000 })
  await orderLinkMail.click()
  await page.frameLocator('iframe').getByRole('link', { name: 'Open my orders' }).click()
  await expect(page.getByRole('heading', { name: 'My orders' })).toBeVisible()

  // Licensing.
  expectPolicy(await page.goto('/licensing'))
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Three licenses')

  // Studio sign-in, the studio, and a beat's edit page (upload slots, progress styles).
  expectPolicy(await page.goto('/studio/login'))
  await page.getByLabel('Email').fill(DEMO_PRODUCER.email)
  await page.getByLabel('Password').fill(DEMO_PRODUCER.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Your beats' })).toBeVisible()
  const studioBeat = (await page.getByRole('main').getByRole('listitem').first().getByRole('link').getAttribute('href'))!
  expectPolicy(await page.goto(studioBeat))
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  // A 404 page.
  const missing = await page.goto('/beats/no-such-beat-anywhere')
  expect(missing?.status()).toBe(404)
  expectPolicy(missing)
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()

  expect(violations).toEqual([])
})
