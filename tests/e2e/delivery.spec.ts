import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'

// Buy a Basic and a Trackout line through the cart and the test checkout, download what each
// license covers (bytes checked against the files the store holds), see what Basic does not
// include, then come back later through the emailed order link and download again; open a license
// PDF and its public verification page.

const dataDir = process.env.E2E_DATA_DIR!
const BUYER = `e2e-${Date.now()}@example.test`

/** sha256 of every stored file with this extension (the seed's beats under DATA_DIR/files). */
function storedHashes(ext: string): Set<string> {
  const hashes = new Set<string>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (name.endsWith(`.${ext}`)) hashes.add(createHash('sha256').update(readFileSync(full)).digest('hex'))
    }
  }
  walk(path.join(dataDir, 'files'))
  return hashes
}

async function downloadAndCheck(page: Page, name: RegExp, ext: string, filename: RegExp) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()])
  expect(download.suggestedFilename()).toMatch(filename)
  const file = await download.path()
  const bytes = readFileSync(file)
  expect(bytes.length).toBeGreaterThan(1000)
  expect(storedHashes(ext).has(createHash('sha256').update(bytes).digest('hex'))).toBe(true)
}

async function beatSlugs(page: Page): Promise<string[]> {
  await page.goto('/')
  const hrefs = await page.locator('a[href^="/beats/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
  const slugs = [...new Set(hrefs.map((h) => h.replace(/^\/beats\//, '').split(/[?#]/)[0]!))]
  expect(slugs.length).toBeGreaterThanOrEqual(2)
  return slugs
}

test('buy, download by license, come back by email, license PDF and verification', async ({ page }) => {
  const [first, second] = await beatSlugs(page)

  // Cart: one Basic, one Trackout.
  await page.goto(`/beats/${first}?tier=BASIC`)
  const basicTitle = (await page.getByRole('heading', { level: 1 }).textContent())!.trim()
  await page.getByRole('button', { name: /Add .* \(Basic\) to cart/ }).click()
  await page.goto(`/beats/${second}?tier=TRACKOUT`)
  const trackoutTitle = (await page.getByRole('heading', { level: 1 }).textContent())!.trim()
  await page.getByRole('button', { name: /Add .* \(Trackout\) to cart/ }).click()
  await page.goto('/cart')
  await page.getByRole('button', { name: 'Check out' }).click()

  // The test checkout stands in for Stripe.
  await expect(page.getByRole('heading', { name: /Test checkout/ })).toBeVisible()
  await page.getByLabel('Email').fill(BUYER)
  await page.getByLabel('Name on card').fill('Eve Tester')
  await page.getByRole('button', { name: /^Pay / }).click()
  await expect(page.getByRole('heading', { name: /Thank you/ })).toBeVisible({ timeout: 20_000 })

  // Success page: downloads per line.
  await downloadAndCheck(page, new RegExp(`Download MP3 of ${escape(basicTitle)}`), 'mp3', /\(Basic\)\.mp3$/)
  await downloadAndCheck(page, new RegExp(`Download MP3 of ${escape(trackoutTitle)}`), 'mp3', /\(Trackout\)\.mp3$/)
  await downloadAndCheck(page, new RegExp(`Download Stems \\(zip\\) of ${escape(trackoutTitle)}`), 'zip', /\(Trackout\)\.zip$/)
  const basicFiles = page.getByRole('list', { name: `Files for ${basicTitle}` })
  await expect(basicFiles.getByText('Not included — comes with Trackout')).toHaveCount(2)
  await page.screenshot({ path: 'test-results/delivery-success.png', fullPage: true })

  // Later: a fresh browser context (no cookie) asks for the order link by email.
  await page.context().clearCookies()
  await page.goto('/orders')
  await page.getByLabel('Email address').fill(BUYER)
  await page.getByRole('button', { name: 'Email me my order link' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText('If we have orders for that address, a link is on its way.')

  // The development mailbox shows it (the outbox worker polls every 2 s).
  await expect(async () => {
    await page.goto('/dev/mailbox')
    await expect(page.getByRole('link', { name: new RegExp(`Your Beatstall order link.*${escape(BUYER)}`) })).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 20_000 })
  await expect(page.getByRole('link', { name: new RegExp(`Your Beatstall receipt.*${escape(BUYER)}`) })).toBeVisible()
  await page.getByRole('link', { name: new RegExp(`Your Beatstall order link.*${escape(BUYER)}`) }).click()
  await page.frameLocator('iframe').getByRole('link', { name: 'Open my orders' }).click()

  await expect(page.getByRole('heading', { name: 'My orders' })).toBeVisible()
  await expect(page).toHaveURL(/\/orders\/view$/)
  await expect(page.getByText(BUYER)).toBeVisible()
  await downloadAndCheck(page, new RegExp(`Download WAV of ${escape(trackoutTitle)}`), 'wav', /\(Trackout\)\.wav$/)
  await downloadAndCheck(page, new RegExp(`Download MP3 of ${escape(basicTitle)}`), 'mp3', /\(Basic\)\.mp3$/)
  // Each download counted: twice the Basic MP3 (success page, order page).
  await page.reload()
  await expect(page.getByRole('list', { name: `Files for ${basicTitle}` }).getByText('8 of 10 downloads left')).toBeVisible()
  await page.screenshot({ path: 'test-results/delivery-orders.png', fullPage: true })
  await page.setViewportSize({ width: 375, height: 800 })
  await page.screenshot({ path: 'test-results/delivery-orders-mobile.png', fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })

  // License PDF and its public verification page.
  const pdf = await page.request.get(await page.getByRole('link', { name: `License PDF for ${trackoutTitle}` }).getAttribute('href') as string)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
  await page.getByRole('link', { name: `Verification page for the ${trackoutTitle} license` }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText('This license exists and is valid.')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(trackoutTitle)
  await expect(page.getByText(BUYER)).toHaveCount(0)
  await page.screenshot({ path: 'test-results/delivery-license.png', fullPage: true })

  // A refused download explains itself: stems are not in the Basic license.
  await page.goto('/orders/view')
  const basicLine = page.getByRole('list', { name: `Files for ${basicTitle}` })
  const upgrade = basicLine.getByRole('link', { name: 'Upgrade to Trackout for the Stems (zip)' })
  await expect(upgrade).toHaveAttribute('href', /^\/cart\?upgrade=[0-9a-f-]+\.TRACKOUT\./)
  const basicPdf = (await page.getByRole('link', { name: `License PDF for ${basicTitle}` }).getAttribute('href'))!
  const basicLineId = basicPdf.split('/')[2]!
  const refused = await page.goto(`/downloads/${basicLineId}/stems`)
  expect(refused?.status()).toBe(403)
  await expect(page.getByText('Your Basic license covers the MP3; stems come with Trackout.')).toBeVisible()
  await page.screenshot({ path: 'test-results/delivery-refused.png', fullPage: true })
  await page.getByRole('link', { name: 'Get the Trackout license' }).click()
  await expect(page).toHaveURL(/\/beats\/.+\?tier=TRACKOUT$/)
})

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
