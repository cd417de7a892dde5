import { expect, test, type Page } from '@playwright/test'
import { hydrated, visit } from './hydrated'

// A buyer on a 390×844 phone and a 1280×900 desktop: the way to buy on the beat page's first
// screen, filter results in view, the tier sheet on catalog cards, where focus goes, and a cart
// that a payment only ever takes the bought lines out of.

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const

const results = (page: Page) => page.getByRole('list', { name: 'Beats' })

// The machine running these may be busy: a journey gets room beyond the default minute.
test.describe.configure({ timeout: 180_000 })

async function beatHrefs(page: Page, count: number) {
  await visit(page, '/')
  const hrefs = await results(page).locator('h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))
  expect(hrefs.length).toBeGreaterThanOrEqual(count)
  return hrefs.slice(0, count)
}

async function pay(page: Page) {
  await expect(page).toHaveURL(/\/test-checkout\//)
  await hydrated(page)
  await page.getByLabel('Email').fill('phone-buyer@example.test')
  await page.getByLabel('Name on card').fill('Ada Buyer')
  await page.getByRole('button', { name: /^Pay / }).click()
  await expect(page.getByRole('heading', { name: 'Thank you, Ada!' })).toBeVisible()
  return page.url()
}

const cartTitles = (page: Page) => page.getByTestId('cart-line').locator('p.truncate.font-semibold').allTextContents()

for (const size of SIZES) {
  test.describe(`at ${size.width} px`, () => {
    test.use({ viewport: { width: size.width, height: size.height } })

    test('the beat page shows the price and the way to buy on its first screen', async ({ page }, testInfo) => {
      const [href] = await beatHrefs(page, 1)
      await visit(page, href!)
      const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim()
      if (size.width < 1024) {
        const bar = page.getByTestId('buy-bar')
        await expect(bar).toBeInViewport({ ratio: 1 })
        await expect(bar).toContainText(/from \$\d+/)
        await page.screenshot({ path: testInfo.outputPath(`beat-${size.width}.png`) })
        await bar.getByRole('button', { name: 'Choose a license' }).click()
        const sheet = page.getByRole('dialog', { name: 'Choose a license' })
        await expect(sheet).toBeVisible()
        await expect(sheet.getByRole('radio')).toHaveCount(3)
        await expect(sheet.getByRole('button', { name: 'Buy now' })).toBeVisible()
        await sheet.getByText('Trackout', { exact: true }).click()
        await page.screenshot({ path: testInfo.outputPath(`beat-sheet-${size.width}.png`) })
        await sheet.getByRole('button', { name: 'Add Trackout to cart' }).click()
        await expect(sheet).toHaveCount(0)
        await expect(page.getByRole('status')).toContainText(`Added “${title}” (Trackout) to your cart.`)
        await expect(bar).toContainText('Trackout is in your cart')
        // Focus goes back to the bar's button, which now offers a change.
        await expect(bar.getByRole('button', { name: 'Change license' })).toBeFocused()
      } else {
        await expect(page.getByTestId('buy-bar')).toBeHidden()
        await expect(page.getByRole('button', { name: /^Add .* \(Basic\) to cart$/ })).toBeInViewport({ ratio: 1 })
        await expect(page.getByRole('button', { name: 'Buy now' })).toBeInViewport({ ratio: 1 })
        await page.screenshot({ path: testInfo.outputPath(`beat-${size.width}.png`) })
        await page.getByRole('button', { name: /^Add .* \(Basic\) to cart$/ }).click()
        await expect(page.getByRole('link', { name: `${title} (Basic) is in your cart — view cart` })).toBeFocused()
        await expect(page.getByRole('status')).toContainText(`Added “${title}” (Basic) to your cart.`)
      }
    })

    test('after a filter change the results are in view', async ({ page }, testInfo) => {
      await visit(page, '/')
      if (size.width < 640) await page.getByText('Filters and sort').click()
      const genre = page.getByRole('combobox', { name: 'Genre', exact: true })
      const first = (await genre.locator('option').nth(1).textContent())!
      await genre.selectOption(first)
      await expect(page).toHaveURL(/genre=/)
      await expect(results(page).getByRole('listitem').first()).toContainText(first, { ignoreCase: true })
      await expect(page.getByRole('heading', { name: 'Filtered beats' })).toBeInViewport()
      await expect(results(page).getByRole('listitem').first()).toBeInViewport()
      await page.screenshot({ path: testInfo.outputPath(`catalog-filtered-${size.width}.png`) })
    })

    test('a card asks which license, Escape cancels, and focus lands on something sensible', async ({ page }, testInfo) => {
      await visit(page, '/')
      await page.screenshot({ path: testInfo.outputPath(`catalog-${size.width}.png`) })
      const card = results(page).getByRole('listitem').first()
      const title = (await card.getByRole('heading').textContent())!.trim()
      const add = card.getByRole('button', { name: `Add ${title} to cart` })
      await expect(add).toHaveAttribute('aria-haspopup', 'dialog')

      // Escape closes the sheet without adding; focus returns to the button.
      await add.click()
      const sheet = page.getByRole('dialog', { name: 'Choose a license' })
      await expect(sheet).toBeVisible()
      await expect(sheet.getByRole('radio', { name: /Basic/ })).toBeFocused()
      await page.keyboard.press('Escape')
      await expect(sheet).toHaveCount(0)
      await expect(add).toBeFocused()
      await expect(page.getByRole('link', { name: /^Cart, 0 items$/ })).toBeVisible()

      // Keyboard only: open, pick Unlimited with the arrow keys, add.
      await page.keyboard.press('Enter')
      await expect(sheet).toBeVisible()
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('ArrowDown')
      await expect(sheet.getByRole('radio', { name: /Unlimited/ })).toBeChecked()
      await page.screenshot({ path: testInfo.outputPath(`card-sheet-${size.width}.png`) })
      await sheet.getByRole('button', { name: 'Add Unlimited to cart' }).click()
      await expect(sheet).toHaveCount(0)
      const inCart = card.getByRole('link', { name: `${title} (Unlimited) is in your cart — view cart` })
      await expect(inCart).toBeFocused()
      await expect(page.getByRole('status')).toHaveText(`Added “${title}” (Unlimited) to your cart.`)
      await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible()
      await page.screenshot({ path: testInfo.outputPath(`catalog-added-${size.width}.png`) })

      await visit(page, '/cart')
      await expect(page.getByTestId('cart-line')).toHaveCount(1)
      await expect(page.getByTestId('cart-line').getByRole('combobox')).toHaveValue('UNLIMITED')
      // Removing the last line moves focus to the page, not <body>, and says so.
      await page.getByRole('button', { name: `Remove ${title} from cart` }).click()
      await expect(page.getByRole('status')).toHaveText(`Removed “${title}” from your cart.`)
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    })

    test('the player never covers the footer or the buy bar', async ({ page }, testInfo) => {
      const [href] = await beatHrefs(page, 1)
      await visit(page, href!)
      await page.getByRole('button', { name: /^Play / }).first().click()
      const player = page.getByRole('region', { name: 'Player' })
      await expect(player).toBeVisible()
      const playerBox = async () => (await player.boundingBox())!
      if (size.width < 1024) {
        // The buy bar sits right on top of the player.
        await expect.poll(async () => {
          const bar = (await page.getByTestId('buy-bar').boundingBox())!
          return Math.abs(bar.y + bar.height - (await playerBox()).y) <= 1
        }).toBe(true)
      }
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      const footer = page.locator('footer')
      await expect.poll(async () => {
        const f = (await footer.boundingBox())!
        const covering = size.width < 1024 ? (await page.getByTestId('buy-bar').boundingBox())!.y : (await playerBox()).y
        return f.y + f.height <= covering + 0.5
      }).toBe(true)
      await page.screenshot({ path: testInfo.outputPath(`beat-bottom-with-player-${size.width}.png`) })
    })
  })
}

test('"Buy now" and an old success page leave the rest of the cart alone, in every tab', async ({ page, context }, testInfo) => {
  test.setTimeout(300_000)
  await page.setViewportSize({ width: 390, height: 844 })
  const hrefs = await beatHrefs(page, 4)
  // Three beats in the cart, from their pages (Basic).
  const titles: string[] = []
  for (const href of hrefs.slice(0, 3)) {
    await visit(page, href)
    titles.push((await page.getByRole('heading', { level: 1 }).textContent())!.trim())
    await page.getByRole('button', { name: /^Add .* \(Basic\) to cart$/ }).click()
    await expect(page.getByRole('link', { name: /\(Basic\) is in your cart/ })).toBeVisible()
  }
  const other = await context.newPage()
  await visit(other, '/cart')
  await expect(other.getByTestId('cart-line')).toHaveCount(3)

  // "Buy now" on a fourth beat: nothing in the cart was bought, so nothing leaves it.
  await visit(page, hrefs[3]!)
  await page.getByRole('button', { name: 'Buy now' }).first().click()
  const firstSuccess = await pay(page)
  await expect(page.getByRole('link', { name: 'Cart, 3 items' })).toBeVisible()
  await visit(page, '/cart')
  await expect(page.getByTestId('cart-line')).toHaveCount(3)
  await expect(other.getByTestId('cart-line')).toHaveCount(3)

  // "Buy now" on a beat that is in the cart at the same tier: only that line leaves, in both tabs.
  await visit(page, hrefs[0]!)
  await page.getByRole('button', { name: 'Buy now' }).first().click()
  const secondSuccess = await pay(page)
  await expect(page.getByRole('link', { name: 'Cart, 2 items' })).toBeVisible()
  await expect(page.getByRole('status')).toContainText('The beat you bought was taken out of your cart.')
  await expect(other.getByTestId('cart-line')).toHaveCount(2)
  await expect.poll(() => cartTitles(other)).toEqual(titles.slice(1))

  // The same beat added again, then both old success pages reopened: the cart keeps every line.
  await visit(page, hrefs[0]!)
  await page.getByRole('button', { name: /^Add .* \(Basic\) to cart$/ }).click()
  await expect(page.getByRole('link', { name: 'Cart, 3 items' })).toBeVisible()
  for (const url of [secondSuccess, firstSuccess]) {
    await visit(page, url)
    await expect(page.getByRole('heading', { name: 'Thank you, Ada!' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Cart, 3 items' })).toBeVisible()
  }
  await visit(page, '/cart')
  await expect(page.getByTestId('cart-line')).toHaveCount(3)
  await expect(other.getByTestId('cart-line')).toHaveCount(3)
  await page.screenshot({ path: testInfo.outputPath('cart-after-buy-now-390.png'), fullPage: true })
})
