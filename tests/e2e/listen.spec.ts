import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

// Listening before buying, on a phone and a desktop: the beat page's waveform seeks by mouse and
// keyboard, similar beats follow the beat, the share panel hands out the link and the <iframe>,
// and the embeddable player works inside a page of ANOTHER origin (and is the only page that can).

const SHOTS = process.env.LISTEN_SHOTS_DIR ?? 'test-results/listen'
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const

/** A second origin (another port) serving one page that frames `src`. */
async function hostPage(src: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>A producer's own site</title></head>
<body style="font-family:sans-serif;background:#fff;margin:16px"><h1>My beats</h1>
<iframe src="${src}" title="Beat preview player" width="100%" height="152" style="border:0;border-radius:12px;max-width:640px"></iframe>
<p>More on my store.</p></body></html>`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((resolve) => {
        // The browser keeps its connection alive; close() alone would wait for it.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** The first demo beat's page (its slug and title), opened. */
async function openFirstBeat(page: Page) {
  await page.goto('/')
  const link = page.getByRole('list', { name: 'Beats' }).getByRole('heading', { level: 3 }).first().getByRole('link')
  const title = (await link.textContent())!.trim()
  const href = (await link.getAttribute('href'))!
  await page.goto(href)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  return { title, slug: href.replace('/beats/', '') }
}

const valueNow = async (page: Page, name: string) => Number(await page.getByRole('slider', { name, exact: true }).getAttribute('aria-valuenow'))

for (const vp of VIEWPORTS) {
  test.describe(`${vp.name} ${vp.width}×${vp.height}`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } })
    // Audio, two origins and axe on a shared two-core machine: more than the default minute.
    test.setTimeout(180_000)

    test('the beat page: waveform seek by click and keys, similar beats, share and embed code', async ({ page, context, baseURL }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
      const { title, slug } = await openFirstBeat(page)
      const label = `Seek ${title} preview`
      const wave = page.getByRole('slider', { name: label, exact: true })
      await expect(wave).toBeVisible()
      // Drawn from stored peaks: 200 bars, not the flat placeholder.
      await expect(wave.locator('rect')).toHaveCount(200)
      const max = Number(await wave.getAttribute('aria-valuemax'))
      expect(max).toBeGreaterThan(5)

      // A click at 3/4 of the width starts the preview there.
      const box = (await wave.boundingBox())!
      await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2)
      await expect.poll(() => valueNow(page, label)).toBeGreaterThanOrEqual(Math.floor(max * 0.7))
      // Pause (the short demo preview may already have played to its end).
      const player = page.getByRole('region', { name: 'Player' })
      const pause = player.getByRole('button', { name: 'Pause', exact: true })
      if (await pause.isVisible()) await pause.click({ timeout: 2_000 }).catch(() => {})
      await expect(player.getByRole('button', { name: 'Play', exact: true })).toBeVisible()

      // Keys, as on any slider; the player's own waveform follows.
      await wave.focus()
      await page.keyboard.press('Home')
      await expect.poll(() => valueNow(page, label)).toBe(0)
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => valueNow(page, label)).toBe(10)
      await page.keyboard.press('ArrowLeft')
      await expect.poll(() => valueNow(page, label)).toBe(5)
      await page.keyboard.press('End')
      await expect.poll(() => valueNow(page, label)).toBe(max)
      await page.keyboard.press('PageDown')
      await expect.poll(() => valueNow(page, label)).toBe(Math.max(0, max - 30))
      await expect(player.getByRole('slider', { name: `Seek ${title}`, exact: true }).first()).toHaveAttribute('aria-valuenow', String(Math.max(0, max - 30)))

      // Similar beats: the same producer's come first.
      const producer = (await page.locator('article header p a').first().textContent())!.trim()
      const similar = page.getByRole('list', { name: 'Similar beats' }).getByRole('listitem')
      await expect(similar.first()).toBeVisible()
      expect(await similar.count()).toBeGreaterThanOrEqual(3)
      await expect(similar.first()).toContainText(producer)
      await expect(similar.filter({ hasText: title })).toHaveCount(0)

      // Share / Embed: the link and the <iframe> snippet, with copy buttons.
      await page.getByText('Share / Embed').click()
      await expect(page.getByRole('textbox', { name: 'Link' })).toHaveValue(`${baseURL}/beats/${slug}`)
      await expect(page.getByRole('textbox', { name: 'Embed on your site' })).toHaveValue(new RegExp(`^<iframe src="${baseURL}/embed/beats/${slug}"`))
      await page.getByRole('button', { name: 'Copy embed code' }).click()
      await expect(page.getByRole('status').filter({ hasText: 'Embed code copied.' })).toBeVisible()
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`/embed/beats/${slug}`)

      await page.getByRole('slider', { name: label, exact: true }).scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${SHOTS}/beat-${vp.width}.png`, fullPage: true })
    })

    test('the embed page: plays inside a frame on another origin, links back, only it can be framed', async ({ page, baseURL }) => {
      const { title, slug } = await openFirstBeat(page)
      const embed = `${baseURL}/embed/beats/${slug}`

      // Headers: frameable by anyone; every other page refuses framing.
      const embedded = await page.request.get(embed)
      expect(embedded.headers()['content-security-policy']).toContain('frame-ancestors *')
      expect(embedded.headers()['x-frame-options']).toBeUndefined()
      const beatPage = await page.request.get(`${baseURL}/beats/${slug}`)
      expect(beatPage.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(beatPage.headers()['x-frame-options']).toBe('DENY')

      // Accessibility of the player page itself.
      await page.goto(embed)
      const axe = await new AxeBuilder({ page }).analyze()
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([])
      // No store bundle: the only script is the player's own.
      const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src))
      expect(scripts).toEqual([`${baseURL}/embed-player.js`])

      const host = await hostPage(embed)
      try {
        await page.goto(host.url)
        const frame = page.frameLocator('iframe[title="Beat preview player"]')
        await expect(frame.getByRole('link', { name: title })).toBeVisible()
        await frame.getByRole('button', { name: `Play ${title} preview` }).click()
        await expect(frame.getByRole('button', { name: `Pause ${title} preview` })).toBeVisible()
        const seek = frame.getByRole('slider', { name: `Seek ${title} preview` })
        await expect.poll(async () => Number(await seek.getAttribute('aria-valuenow')), { timeout: 15_000 }).toBeGreaterThanOrEqual(1)
        await frame.getByRole('button', { name: `Pause ${title} preview` }).click()
        await seek.focus()
        await page.keyboard.press('Home')
        await expect(seek).toHaveAttribute('aria-valuenow', '0')
        await page.keyboard.press('ArrowRight')
        await expect(seek).toHaveAttribute('aria-valuenow', '5')
        await page.screenshot({ path: `${SHOTS}/embed-${vp.width}.png` })

        // The title opens the beat page in a new tab, on the store.
        const [popup] = await Promise.all([page.waitForEvent('popup'), frame.getByRole('link', { name: title }).click()])
        await expect(popup).toHaveURL(`${baseURL}/beats/${slug}`)
        await expect(popup.getByRole('heading', { level: 1, name: title })).toBeVisible()
        await popup.close()
      } finally {
        await host.close()
      }

      // The beat page itself refuses to render inside the same foreign page.
      const refused = await hostPage(`${baseURL}/beats/${slug}`)
      try {
        await page.goto(refused.url)
        const frame = page.frameLocator('iframe[title="Beat preview player"]')
        await expect(frame.getByRole('heading', { level: 1, name: title })).toHaveCount(0)
      } finally {
        await refused.close()
      }
    })
  })
}
