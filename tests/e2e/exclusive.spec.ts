import { expect, test, type Browser, type Page } from '@playwright/test'

// A producer offers Exclusive on a beat; a lease holder bought it before; buyer A buys the
// Exclusive; buyer B finds the beat sold; the lease holder is told by email (dev mailbox); buyer C
// upgrades Basic → Trackout, paying only the difference.

const stamp = Date.now()
const LEASE = `lease-${stamp}@example.test`
const BUYER_A = `a-${stamp}@example.test`
const BUYER_C = `c-${stamp}@example.test`
const EXCLUSIVE_BEAT = 'Concrete Psalm'
const UPGRADE_BEAT = 'Afterglow'

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: `test-results/exclusive-${name}-1280.png`, fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: `test-results/exclusive-${name}-390.png`, fullPage: true })
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits 390 px`).toBeLessThanOrEqual(391)
  await page.setViewportSize({ width: 1280, height: 900 })
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  return context.newPage()
}

async function slugOf(page: Page, title: string) {
  await page.goto(`/?q=${encodeURIComponent(title)}`)
  const href = (await page.getByRole('link', { name: new RegExp(title) }).first().getAttribute('href'))!
  return href.replace(/^\/beats\//, '').split(/[?#]/)[0]!
}

async function payInTestCheckout(page: Page, email: string, name: string) {
  await expect(page.getByRole('heading', { name: /Test checkout/ })).toBeVisible()
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Name on card').fill(name)
  await page.getByRole('button', { name: /^Pay / }).click()
  await expect(page.getByRole('heading', { name: /Thank you/ })).toBeVisible({ timeout: 20_000 })
}

async function buy(page: Page, slug: string, tier: string, label: string, email: string, name: string) {
  await page.goto(`/beats/${slug}?tier=${tier}`)
  await page.getByRole('button', { name: new RegExp(`Add .* \\(${label}\\) to cart`) }).click()
  await page.goto('/cart')
  await page.getByRole('button', { name: 'Check out' }).click()
  await payInTestCheckout(page, email, name)
}

test('exclusive sold once, lease holder told, Basic upgraded to Trackout for the difference', async ({ browser }) => {
  test.setTimeout(420_000)
  const producer = await newPage(browser)
  const slug = await slugOf(producer, EXCLUSIVE_BEAT)
  const upgradeSlug = await slugOf(producer, UPGRADE_BEAT)

  // A lease holder buys Basic before anything else.
  const lease = await newPage(browser)
  await buy(lease, slug, 'BASIC', 'Basic', LEASE, 'Lee Lease')

  // The producer offers Exclusive at $500.
  await producer.goto('/studio/login')
  await producer.getByLabel('Email').fill('nova@beatstall.test')
  await producer.getByLabel('Password').fill('beatstall-demo')
  await producer.getByRole('button', { name: 'Sign in' }).click()
  await expect(producer.getByRole('heading', { name: 'Your beats' })).toBeVisible()
  await producer.getByRole('link', { name: EXCLUSIVE_BEAT }).first().click()
  await producer.getByRole('checkbox', { name: 'Exclusive' }).check()
  await producer.getByLabel('Exclusive price in USD').fill('500')
  await producer.getByRole('button', { name: 'Save prices' }).click()
  await expect(producer.getByText('Prices saved.')).toBeVisible()

  // Buyer A buys the Exclusive.
  const a = await newPage(browser)
  await a.goto(`/beats/${slug}?tier=EXCLUSIVE`)
  await expect(a.getByText('Yours alone from the purchase on: the beat comes off sale')).toBeVisible()
  await shoot(a, 'beat-offer')
  await buy(a, slug, 'EXCLUSIVE', 'Exclusive', BUYER_A, 'Ari Exclusive')
  await expect(a.getByRole('link', { name: `Download Stems (zip) of ${EXCLUSIVE_BEAT}` })).toBeVisible()

  // Buyer B finds it sold: the page says so, nothing can be added, the catalog leaves it out.
  const b = await newPage(browser)
  await b.goto(`/beats/${slug}`)
  await expect(b.getByRole('heading', { name: 'Sold exclusively' })).toBeVisible()
  await expect(b.getByRole('button', { name: /Add .* to cart/ })).toHaveCount(0)
  await shoot(b, 'beat-sold')
  await b.goto(`/?q=${encodeURIComponent(EXCLUSIVE_BEAT)}`)
  await expect(b.getByRole('link', { name: new RegExp(EXCLUSIVE_BEAT) })).toHaveCount(0)

  // The producer's editor shows the sale.
  await producer.reload()
  await expect(producer.getByRole('heading', { name: 'Sold exclusively' })).toBeVisible()
  await shoot(producer, 'studio-sold')

  // The lease holder gets the email (the outbox worker polls every 2 s).
  await expect(async () => {
    await lease.goto('/dev/mailbox')
    await expect(lease.getByRole('link', { name: new RegExp(`“${EXCLUSIVE_BEAT}” was sold exclusively.*${LEASE.replace(/[.]/g, '\\.')}`) })).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await lease.getByRole('link', { name: new RegExp(`“${EXCLUSIVE_BEAT}” was sold exclusively.*${LEASE.replace(/[.]/g, '\\.')}`) }).click()
  await expect(lease.frameLocator('iframe').getByText('Your license stays valid')).toBeVisible()

  // Buyer C holds Basic of another beat and upgrades it to Trackout from the success page.
  const c = await newPage(browser)
  await buy(c, upgradeSlug, 'BASIC', 'Basic', BUYER_C, 'Cy Upgrade')
  await c.getByRole('link', { name: 'Upgrade to Trackout for the Stems (zip)' }).click()
  await expect(c).toHaveURL(/\/cart$/)
  await expect(c.getByText('Upgrade from your Basic license: $25.00 credit')).toBeVisible()
  await expect(c.getByTestId('cart-line')).toHaveCount(1)
  await expect(c.getByTestId('cart-line')).toContainText('$75.00')
  await shoot(c, 'cart-upgrade')
  await c.getByRole('button', { name: 'Check out' }).click()
  await expect(c.getByText('$75.00').first()).toBeVisible()
  await payInTestCheckout(c, BUYER_C, 'Cy Upgrade')
  await expect(c.getByRole('link', { name: `Download Stems (zip) of ${UPGRADE_BEAT}` })).toBeVisible()
  await shoot(c, 'upgrade-paid')
})
