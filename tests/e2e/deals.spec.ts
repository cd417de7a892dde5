import { expect, test, type Page } from '@playwright/test'

// A producer makes a bulk deal and a code in the studio; a buyer fills a cart from two producers,
// sees both applied (and Mara Sol's seeded deal one step away) before paying, pays through the
// test checkout, and reads per-line paid amounts on the receipt and the order page.

const BUYER = `deals-${Date.now()}@example.test`

async function addBasic(page: Page, slug: string) {
  await page.goto(`/beats/${slug}?tier=BASIC`)
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim()
  await page.getByRole('button', { name: `Add ${title} (Basic) to cart`, exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'to your cart' })).toBeVisible()
  await expect(page.getByRole('link', { name: /\(Basic\) is in your cart/ })).toBeVisible()
}

test('bulk deal and code from the studio to the receipt', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  // Kilo Beats: buy 1 Basic, get 1 free; code KILO20 (20%, also on deal lines).
  await page.goto('/studio/login')
  await page.getByLabel('Email').fill('kilo@beatstall.test')
  await page.getByLabel('Password').fill('beatstall-demo')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('link', { name: 'Deals', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Deals and codes' })).toBeVisible()
  await page.getByLabel('Which licenses count').selectOption('BASIC')
  await page.getByLabel('Buy', { exact: true }).fill('1')
  await page.getByLabel('Get free').fill('1')
  await page.getByRole('button', { name: 'Create deal' }).click()
  await expect(page.getByText('Deal created.')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Your bulk deals' })).toContainText('Buy 1 Basic, get 1 free')
  await page.getByLabel('Code', { exact: true }).fill('kilo20')
  await page.getByLabel('Percent', { exact: true }).fill('20')
  await page.getByLabel('Also on lines that got a bulk deal').check()
  await page.getByRole('button', { name: 'Create code' }).click()
  await expect(page.getByText('Code KILO20 created.')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Your codes' })).toContainText('KILO20 · 20% off')
  await page.screenshot({ path: testInfo.outputPath('studio-deals.png'), fullPage: true })
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('link', { name: 'Deals', exact: true })).toHaveCount(0)

  // Two Kilo Beats Basics ($25, $20) and one Mara Sol Basic ($25).
  await addBasic(page, 'dusty-fingers')
  await addBasic(page, 'subway-poets')
  await addBasic(page, 'lagos-sunset')
  await page.goto('/cart?code=kilo20')
  const lines = page.getByTestId('cart-line')
  await expect(lines).toHaveCount(3)
  await expect(page.getByTestId('code-message')).toHaveText('Code KILO20 applied.')
  // Subway Poets is the cheaper Kilo line: free. Dusty Fingers: 20% off. Lagos Sunset: one step away.
  await expect(lines.filter({ hasText: 'Subway Poets' })).toContainText('Buy 1 Basic, get 1 free (Kilo Beats): −$20.00')
  await expect(lines.filter({ hasText: 'Dusty Fingers' })).toContainText('Code KILO20: −$5.00')
  await expect(lines.filter({ hasText: 'Lagos Sunset' }).getByTestId('deal-hint')).toHaveText(
    'Buy 2 Basic, get 1 free from Mara Sol: add 2 more Basic licenses to get one free',
  )
  await expect(page.getByTestId('cart-total')).toHaveText('$45.00')
  await expect(page.getByTestId('cart-savings')).toContainText('You save $25.00')
  await page.setViewportSize({ width: 390, height: 900 })
  await page.screenshot({ path: testInfo.outputPath('cart-deals-390.png'), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: testInfo.outputPath('cart-deals-1280.png'), fullPage: true })

  // A wrong code says why, and the total goes back.
  await page.getByRole('textbox', { name: 'Discount code' }).fill('NOPE')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByTestId('code-message')).toHaveText("We don't know the code NOPE. Check the spelling.")
  await page.getByRole('textbox', { name: 'Discount code' }).fill('KILO20')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByTestId('cart-total')).toHaveText('$45.00')

  await page.getByRole('button', { name: 'Check out' }).click()
  await expect(page.getByRole('heading', { name: /Test checkout/ })).toBeVisible()
  await page.getByLabel('Email').fill(BUYER)
  await page.getByLabel('Name on card').fill('Deal Hunter')
  await page.getByRole('button', { name: /^Pay / }).click()
  await expect(page.getByRole('heading', { name: /Thank you/ })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('order-total')).toHaveText('$45.00')
  await expect(page.getByTestId('order-line').filter({ hasText: 'Dusty Fingers' })).toContainText('Code KILO20: −$5.00')

  // The receipt, in the development mailbox.
  await expect(async () => {
    await page.goto('/dev/mailbox')
    await expect(page.getByRole('link', { name: new RegExp(`Your Beatstall receipt.*${BUYER}`) })).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await page.getByRole('link', { name: new RegExp(`Your Beatstall receipt.*${BUYER}`) }).click()
  const receipt = page.frameLocator('iframe')
  await expect(receipt.getByText('List price $20.00; Buy 1 Basic, get 1 free (Kilo Beats) −$20.00; paid $0.00')).toBeVisible()
  await expect(receipt.getByText('List price $25.00; Code KILO20 −$5.00; paid $20.00')).toBeVisible()
  await receipt.getByRole('link', { name: 'Download your files' }).click()

  // The order page: each line's paid amount.
  await expect(page.getByRole('heading', { name: 'My orders' })).toBeVisible()
  await expect(page.getByTestId('order-line-paid')).toHaveText(['$25.00$20.00', '$20.00$0.00', '$25.00'])
  await page.screenshot({ path: testInfo.outputPath('order-page-deals.png'), fullPage: true })
})
