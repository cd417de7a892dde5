import { expect, test } from '@playwright/test'

// A producer sends a private link; an artist buys through it at the link price; the producer revokes
// it and the page answers 410 with a sentence. (Expiry and the cap are covered on real Postgres in
// tests/integration/private-links.test.ts with an injected clock.)

test('a producer creates a private link, an artist buys through it, then the closed link answers 410', async ({ page, browser }, testInfo) => {
  // Two browsers, two checkouts and a studio: longer than one page's journey.
  test.setTimeout(180_000)
  await page.goto('/studio/login')
  await page.getByLabel('Email').fill('kilo@beatstall.test')
  await page.getByLabel('Password').fill('beatstall-demo')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Your beats' })).toBeVisible()

  await page.getByRole('link', { name: 'Private links' }).click()
  await expect(page.getByRole('heading', { name: 'Private links', level: 1 })).toBeVisible()
  // A link without beats is refused with a sentence.
  await page.getByRole('button', { name: 'Create link' }).click()
  await expect(page.getByText('Choose at least one beat.')).toBeVisible()

  // A beat that offers Basic (Window Seat does not, and a link price never adds a license the beat
  // does not offer): named, because the list's order follows the producer's latest edits.
  const beatTitle = 'Sunday Tape'
  await page.getByRole('group', { name: 'Beats' }).getByRole('checkbox', { name: beatTitle }).check()
  await page.getByLabel('Basic').fill('12')
  await page.getByLabel('Purchases allowed').fill('1')
  await page.getByLabel('Note to the artist').fill('Made this one with you in mind.')
  await page.getByRole('button', { name: 'Create link' }).click()
  const created = page.getByRole('status').filter({ hasText: 'Link created' })
  await expect(created).toBeVisible()
  const url = (await created.locator('span').textContent())!
  const path = new URL(url).pathname
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: testInfo.outputPath('studio-links-desktop.png'), fullPage: true })

  // The artist, in their own browser, on a phone.
  const artist = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const phone = await artist.newPage()
  await phone.goto(path)
  await expect(phone.getByRole('heading', { name: 'From Kilo Beats, for you' })).toBeVisible()
  await expect(phone.getByText('Made this one with you in mind.')).toBeVisible()
  await expect(phone.getByText('1 purchase left')).toBeVisible()
  await phone.screenshot({ path: testInfo.outputPath('private-link-phone.png'), fullPage: true })
  await phone.getByRole('button', { name: `Add ${beatTitle} (Basic) to cart` }).click()
  await phone.goto('/cart')
  await expect(phone.getByTestId('cart-line')).toHaveCount(1)
  await expect(phone.getByTestId('cart-total')).toHaveText('$12.00')
  await phone.getByRole('button', { name: 'Check out' }).click()
  await phone.getByLabel('Email').fill('link-buyer@example.test')
  await phone.getByLabel('Name on card').fill('Lin Kbuyer')
  await phone.getByRole('button', { name: /^Pay / }).click()
  await expect(phone.getByTestId('order-line')).toHaveCount(1)
  await expect(phone.getByTestId('order-total')).toHaveText('$12.00')

  // Its one purchase is used: the link is closed, and says why.
  const usedUp = await phone.goto(path)
  expect(usedUp!.status()).toBe(410)
  await expect(phone.getByText('This private link has been used as many times as the producer allowed.')).toBeVisible()

  // The studio shows the open and the sale.
  await page.reload()
  const row = page.getByTestId('private-link').filter({ hasText: path.slice(3) })
  await expect(row).toContainText('Used up')
  await expect(row).toContainText('1 of 1')

  // A second link, revoked by its producer with one click.
  await page.getByRole('group', { name: 'Beats' }).getByRole('checkbox').first().check()
  await page.getByRole('button', { name: 'Create link' }).click()
  const second = new URL((await page.getByRole('status').filter({ hasText: 'Link created' }).locator('span').textContent())!).pathname
  await phone.goto(second)
  await expect(phone.getByRole('heading', { name: 'From Kilo Beats, for you' })).toBeVisible()
  await page.getByTestId('private-link').filter({ hasText: second.slice(3) }).getByRole('button', { name: 'Revoke' }).click()
  await expect(page.getByTestId('private-link').filter({ hasText: second.slice(3) })).toContainText('Revoked')
  const revoked = await phone.goto(second)
  expect(revoked!.status()).toBe(410)
  await expect(phone.getByRole('heading', { name: 'This link no longer works' })).toBeVisible()
  await expect(phone.getByText('The producer has closed this private link. Ask them for a new one.')).toBeVisible()
  await phone.screenshot({ path: testInfo.outputPath('private-link-gone-phone.png'), fullPage: true })
  await artist.close()
})
