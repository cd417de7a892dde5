import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { visit } from './hydrated'

// axe on the buyer's pages at a phone and a desktop width: no serious or critical violations.

// axe is slow on a busy machine.
test.describe.configure({ timeout: 180_000 })

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const

async function expectNoSeriousViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`)
  expect(serious, `${what}: serious or critical axe violations`).toEqual([])
}

async function firstBeatHref(page: Page) {
  await visit(page, '/')
  const href = await page.getByRole('list', { name: 'Beats' }).getByRole('heading', { level: 3 }).first().getByRole('link').getAttribute('href')
  expect(href).toMatch(/^\/beats\//)
  return href!
}

for (const size of SIZES) {
  test(`catalog, beat page, tier sheet and cart at ${size.width} px have no serious axe violations`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height })
    const href = await firstBeatHref(page)
    await expectNoSeriousViolations(page, `catalog at ${size.width}`)

    // A card's tier sheet, open.
    await page.getByRole('list', { name: 'Beats' }).getByRole('button', { name: /^Add .* to cart$/ }).first().click()
    await expect(page.getByRole('dialog', { name: 'Choose a license' })).toBeVisible()
    await expectNoSeriousViolations(page, `tier sheet at ${size.width}`)
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)

    await visit(page, href)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoSeriousViolations(page, `beat page at ${size.width}`)

    await page.getByRole('button', { name: /^Add .* \(Basic\) to cart$/ }).click()
    await visit(page, '/cart')
    await expect(page.getByTestId('cart-line')).toHaveCount(1)
    await expect(page.getByTestId('cart-total')).toHaveText(/^\$/)
    await expectNoSeriousViolations(page, `cart at ${size.width}`)
  })
}
