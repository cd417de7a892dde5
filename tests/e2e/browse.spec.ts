import { expect, test, type Page } from '@playwright/test'

// Browsing the seeded demo store: catalog, search and filters in the URL, the beat page's tier
// pick, and the persistent player carrying on across client-side navigation.

const results = (page: Page) => page.getByRole('list', { name: 'Beats' })
const titles = (page: Page) => results(page).getByRole('heading', { level: 3 }).allTextContents()

/** Seconds elapsed, read from the player's seek slider (aria-valuetext ends with "(m:ss)"). */
async function elapsed(page: Page): Promise<number> {
  const text = (await page.getByRole('region', { name: 'Player' }).getByRole('slider', { name: /^Seek / }).getAttribute('aria-valuetext')) ?? ''
  const m = /\((\d+):(\d{2})\)$/.exec(text)
  return m ? Number(m[1]) * 60 + Number(m[2]) : -1
}

test('browse, search and filter: the URL holds the state and the back button restores it', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveTitle(/Beatstall/)
  await expect(results(page).getByRole('listitem')).toHaveCount(24) // a full first page of the demo catalog
  const all = await titles(page)

  // Search for a word from the first beat's title.
  const word = all[0]!.split(' ')[0]!
  await page.getByRole('searchbox', { name: 'Search beats' }).fill(word)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(word)}`))
  await expect(page.getByRole('heading', { level: 2 })).toContainText(word)
  await expect(results(page).getByRole('heading', { name: all[0], exact: true })).toBeVisible()
  const searched = await titles(page)

  // Then a genre filter: the menu submits by itself.
  await page.goto('/')
  const genre = page.getByRole('combobox', { name: 'Genre', exact: true })
  const firstGenre = (await genre.locator('option').nth(1).textContent())!
  await genre.selectOption(firstGenre)
  await expect(page).toHaveURL(new RegExp(`genre=${encodeURIComponent(firstGenre).replace(/%20/g, '(\\+|%20)')}`))
  await expect(results(page).getByRole('listitem').first()).toContainText(firstGenre, { ignoreCase: true })
  const filtered = await titles(page)
  expect(filtered.length).toBeLessThan(all.length + 1)

  await page.getByRole('combobox', { name: 'Sort', exact: true }).selectOption({ label: 'BPM: slow to fast' })
  await expect(page).toHaveURL(/sort=bpm-asc/)

  // Back: the previous filter's results and form values come back.
  await page.goBack()
  await expect(page).not.toHaveURL(/sort=/)
  await expect(genre).toHaveValue(firstGenre)
  await expect.poll(() => titles(page)).toEqual(filtered)
  await page.goBack()
  await expect(page).toHaveURL(/\/$/)
  await expect(genre).toHaveValue('')
  await expect.poll(() => titles(page)).toEqual(all)
  expect(searched.length).toBeGreaterThan(0)

  // Nonsense in the URL is clamped or ignored, never an error page.
  const junk = await page.goto(`/?bpmMin=abc&page=-3&priceMax=lots&sort=%3Cscript%3E&q=${'x'.repeat(10_000)}`)
  expect(junk?.status()).toBe(200)
  await expect(page.getByText(/No beats match/)).toBeVisible()
})

test('a beat page: details, a tier pick held in the URL, and a styled 404', async ({ page }) => {
  await page.goto('/')
  const first = results(page).getByRole('listitem').first().getByRole('heading', { level: 3 })
  const title = (await first.textContent())!
  await first.getByRole('link').click()
  await expect(page).toHaveURL(/\/beats\/[^/?]+$/)
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible()
  await expect(page).toHaveTitle(new RegExp(title))

  // A native radio group: arrow keys move the pick, and the pick goes into the URL.
  const radios = page.getByRole('radio')
  await expect(radios.first()).toBeChecked()
  const next = (await radios.nth(1).getAttribute('value'))!
  await radios.first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(radios.nth(1)).toBeChecked()
  await expect(page).toHaveURL(new RegExp(`\\?tier=${next}$`))
  await expect(page.getByText(/license · \$/)).toBeVisible()

  // The link is shareable: loading it shows the same pick.
  await page.reload()
  await expect(page.getByRole('radio', { checked: true })).toHaveAttribute('value', next)

  const missing = await page.goto('/beats/no-such-beat-anywhere')
  expect(missing?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  expect((await page.goto('/producers/no-such-producer'))?.status()).toBe(404)

  // A URL no route matches: the store's words, also after the page hydrates in the browser.
  expect((await page.goto('/no-such-page'))?.status()).toBe(404)
  await page.waitForLoadState('networkidle')
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  await expect(page.getByText('We could not find that page')).toBeVisible()
  await expect(page.getByText(/No route matches/)).toHaveCount(0)
})

test('the player keeps playing the same track across client-side navigation', async ({ page }) => {
  await page.goto('/')
  const firstTitle = (await results(page).getByRole('heading', { level: 3 }).first().textContent())!
  await results(page).getByRole('button', { name: `Play ${firstTitle}`, exact: true }).click()

  const player = page.getByRole('region', { name: 'Player' })
  await expect(player.getByRole('link', { name: firstTitle, exact: true })).toBeVisible()
  await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect.poll(() => elapsed(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(1)
  const before = await elapsed(page)

  // Client-side navigation to another page: same track, time keeps advancing.
  await page.getByRole('link', { name: 'How licenses work' }).click()
  await expect(page).toHaveURL(/\/licensing$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Three licenses')
  await expect(player.getByRole('link', { name: firstTitle, exact: true })).toBeVisible()
  await expect.poll(() => elapsed(page), { timeout: 15_000 }).toBeGreaterThan(before)

  // Pause from the bar stops the clock; the card's button reflects the shared state.
  await player.getByRole('button', { name: 'Pause' }).click()
  await expect(player.getByRole('button', { name: 'Play', exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Beats', exact: true }).click()
  await expect(results(page).getByRole('button', { name: `Play ${firstTitle}`, exact: true })).toBeVisible()

  // Next walks the list the track was started from.
  await player.getByRole('button', { name: 'Next track' }).click()
  const second = (await results(page).getByRole('heading', { level: 3 }).nth(1).textContent())!
  await expect(player.getByRole('link', { name: second, exact: true })).toBeVisible()
  await expect(results(page).getByRole('button', { name: `Pause ${second}`, exact: true })).toBeVisible()

  // A card's title link navigates client-side too: the player is still there, still playing.
  const playing = await elapsed(page)
  await results(page).getByRole('link', { name: second, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: second, exact: true })).toBeVisible()
  await expect(player.getByRole('link', { name: second, exact: true })).toBeVisible()
  await expect.poll(() => elapsed(page), { timeout: 15_000 }).toBeGreaterThan(playing)
})

test('on a phone the catalog is a list of rows that fits the screen, down to 320 px', async ({ page }) => {
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 740 })
    await page.goto('/')
    const cards = page.getByRole('list', { name: 'Beats' }).getByRole('listitem')
    await expect(cards.first()).toBeVisible()
    // Nothing sticks out sideways, and the cart stays reachable in the header.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0)
    await expect(page.getByRole('link', { name: /^Cart, \d+ items?$/ })).toBeInViewport()
    // A card is a row: the cover sits beside the title, and a card is far shorter than the screen.
    await cards.first().scrollIntoViewIfNeeded()
    const card = await cards.first().boundingBox()
    const cover = await cards.first().locator('.cover').boundingBox()
    const title = await cards.first().getByRole('heading').boundingBox()
    expect(cover!.x + cover!.width).toBeLessThanOrEqual(title!.x)
    expect(card!.height).toBeLessThan(740 / 2)
    await expect(cards.first().getByRole('button', { name: /^Add .* to cart$/ })).toBeInViewport({ ratio: 1 })
    await expect(page.getByRole('link', { name: /^Cart, \d+ items?$/ })).toBeInViewport()
  }
})
