import { randomBytes } from 'node:crypto'
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { makeMp3, makePng, makeWav, makeZip } from '../studio-media'

// The producer's journey: sign up, create a beat, upload its files (progress shown), price it,
// publish, find it in the catalog, buy it as a guest through the test checkout, download it, and
// see the sale and the download in the studio. Screenshots of each studio page, desktop and phone.

const id = randomBytes(3).toString('hex')
const title = `Neon <b>Rain</b> ${id}`
const email = `e2e-${id}@example.test`
const buyer = `buyer-${id}@example.test`

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}-desktop.png`), fullPage: true })
  const size = page.viewportSize()
  await page.setViewportSize({ width: 375, height: 812 })
  await page.screenshot({ path: testInfo.outputPath(`${name}-mobile.png`), fullPage: true })
  // Nothing on the page is wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(overflow, `${name} fits 375 px`).toBeLessThanOrEqual(376)
  if (size) await page.setViewportSize(size)
}

async function upload(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }, opts: { watchProgress?: boolean } = {}) {
  await page.getByLabel(`Upload ${label} file`).setInputFiles(file)
  if (opts.watchProgress) await expect(page.getByRole('progressbar', { name: `${label} upload progress` })).toBeVisible()
  await expect(page.getByText(`${label} uploaded.`)).toBeVisible({ timeout: 30_000 })
}

test('a producer signs up, publishes a beat, sells it and sees the sale and the download', async ({ page }, testInfo) => {
  test.setTimeout(180_000)
  await page.goto('/studio')
  await expect(page).toHaveURL(/\/studio\/login\?redirectTo=%2Fstudio$/)
  await expect(page.getByRole('heading', { name: 'Sign in to your studio' })).toBeVisible()
  await shoot(page, testInfo, 'studio-login')

  await page.getByRole('link', { name: 'Create a producer account' }).click()
  await page.getByLabel('Producer name').fill(`E2E Producer ${id}`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('short')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByText('Use at least 10 characters for your password.')).toBeVisible()
  await shoot(page, testInfo, 'studio-signup')
  await page.getByLabel('Password').fill('a long enough password')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Your beats' })).toBeVisible()
  await expect(page.getByText('No beats yet')).toBeVisible()

  // Create the beat.
  await page.getByRole('link', { name: 'New beat' }).click()
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('BPM').fill('0')
  await page.getByRole('button', { name: 'Create draft' }).click()
  await expect(page.getByText('BPM must be a whole number between 40 and 300.')).toBeVisible()
  await shoot(page, testInfo, 'studio-new-beat')
  await page.getByLabel('BPM').fill('128')
  await page.getByLabel('Genre').selectOption('Electronic')
  await page.getByLabel('Mood').selectOption('Dreamy')
  await page.getByLabel('Tags').fill(`synthwave, night, e2e${id}`)
  await page.getByRole('button', { name: 'Create draft' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.locator('h1 b')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Publish' })).toBeDisabled()

  // A wrong file gets a clear error and a retry button.
  await page.getByLabel('Upload WAV file').setInputFiles({ name: 'notes.wav', mimeType: 'audio/wav', buffer: Buffer.from('not audio at all\n'.repeat(400)) })
  await expect(page.getByRole('alert').filter({ hasText: 'should be a WAV file' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible()

  // Upload every file; slow the upload link down so the progress bar has something to show.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 300 * 1024 })
  const wav = makeWav(3, 44_100)
  await upload(page, 'Preview', { name: 'preview.mp3', mimeType: 'audio/mpeg', buffer: await makeMp3(2) })
  await upload(page, 'MP3', { name: 'full.mp3', mimeType: 'audio/mpeg', buffer: await makeMp3(3) })
  await upload(page, 'WAV', { name: 'full.wav', mimeType: 'audio/wav', buffer: wav }, { watchProgress: true })
  await upload(page, 'Stems', { name: 'stems.zip', mimeType: 'application/zip', buffer: await makeZip([{ name: 'drums.wav', data: wav, compress: false }, { name: 'keys.wav', data: wav, compress: false }]) }, { watchProgress: true })
  await upload(page, 'Cover', { name: 'cover.png', mimeType: 'image/png', buffer: await makePng(600) })
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
  await expect(page.getByText('Missing')).toHaveCount(0)

  // Prices: a bad one is refused, then a real one is saved.
  await page.getByLabel('Basic price in USD').fill('-5')
  await page.getByRole('button', { name: 'Save prices' }).click()
  await expect(page.getByText('Enter a price between $1.00 and $10,000.00, like 29.99.')).toBeVisible()
  await page.getByLabel('Basic price in USD').fill('29.99')
  await page.getByRole('button', { name: 'Save prices' }).click()
  await expect(page.getByText('Prices saved.')).toBeVisible()

  await page.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByRole('heading', { name: 'Live in the catalog' })).toBeVisible()
  await shoot(page, testInfo, 'studio-beat')

  // Usage caps: the terms page.
  await page.getByRole('link', { name: 'License terms' }).first().click()
  await expect(page.getByRole('heading', { name: 'License terms' })).toBeVisible()
  await shoot(page, testInfo, 'studio-terms')

  // The public catalog finds it; its title is text, not markup.
  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Search beats' }).fill(`e2e${id}`)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  const results = page.getByRole('list', { name: 'Beats' })
  await expect(results.getByRole('heading', { name: title })).toBeVisible()
  await results.getByRole('heading', { name: title }).getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('$29.99').first()).toBeVisible()

  // Buy it as a guest through the test checkout, and download the MP3.
  await page.getByRole('button', { name: /Add .* \(Basic\) to cart/ }).click()
  await page.goto('/cart')
  await page.getByRole('button', { name: 'Check out' }).click()
  await expect(page.getByRole('heading', { name: /Test checkout/ })).toBeVisible()
  await page.getByLabel('Email').fill(buyer)
  await page.getByLabel('Name on card').fill('Guest Buyer')
  await page.getByRole('button', { name: /^Pay / }).click()
  await expect(page.getByRole('heading', { name: /Thank you/ })).toBeVisible({ timeout: 20_000 })
  await expect(page.getByText(title).first()).toBeVisible()
  // The buyer's downloads, reached the way a returning guest does: order link by email.
  await page.goto('/orders')
  await page.getByLabel('Email address').fill(buyer)
  await page.getByRole('button', { name: 'Email me my order link' }).click()
  await expect(async () => {
    await page.goto('/dev/mailbox')
    await expect(page.getByRole('link', { name: new RegExp(`Your Beatstall order link.*${buyer}`) }).first()).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await page.getByRole('link', { name: new RegExp(`Your Beatstall order link.*${buyer}`) }).first().click()
  await page.frameLocator('iframe').getByRole('link', { name: 'Open my orders' }).click()
  await expect(page.getByRole('heading', { name: 'My orders' })).toBeVisible()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Download MP3 of ${title}` }).first().click()])
  expect(download.suggestedFilename()).toMatch(/\(Basic\)\.mp3$/)

  // Back in the studio: the sale and the download.
  await page.goto('/studio')
  await expect(page.getByRole('link', { name: new RegExp(`${id}.*1 sale`) })).toBeVisible()
  await shoot(page, testInfo, 'studio-beats')
  await page.getByRole('link', { name: 'Sales', exact: true }).click()
  const line = page.getByRole('list', { name: 'Order lines' }).getByRole('listitem').filter({ hasText: title })
  await expect(line).toContainText('Basic')
  await expect(line).toContainText('$29.99')
  await expect(line).toContainText('Guest Buyer')
  await expect(line).toContainText('1 download ·')
  await shoot(page, testInfo, 'studio-sales')
  await line.getByRole('button', { name: 'Reset downloads' }).click()
  await expect(page.getByText('Download count reset')).toBeVisible()
  await expect(line).toContainText('0 counted')

  // Sign out.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in to your studio' })).toBeVisible()
})

test('a seeded demo producer signs in; a wrong password is refused', async ({ page }) => {
  await page.goto('/studio/login')
  await page.getByLabel('Email').fill('nova@beatstall.test')
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText('That email and password do not match.')
  await page.getByLabel('Password').fill('beatstall-demo')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Your beats' })).toBeVisible()
  const firstBeat = page.getByRole('main').getByRole('listitem').first().getByRole('link')
  const beatPath = (await firstBeat.getAttribute('href'))!

  // Over real HTTP: an oversize cover gets a readable 413, a text file posing as a WAV a 415.
  const big = await page.request.post(`${beatPath}/upload/cover`, {
    multipart: { file: { name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([await makePng(8), Buffer.alloc(11 * 1024 * 1024)]) } },
  })
  expect(big.status()).toBe(413)
  expect((await big.json()).error).toMatch(/larger than the 10 MB limit/)
  const fake = await page.request.post(`${beatPath}/upload/wav`, {
    multipart: { file: { name: 'beat.wav', mimeType: 'audio/wav', buffer: Buffer.from('not a wav\n'.repeat(1000)) } },
  })
  expect(fake.status()).toBe(415)
  // A cross-site form post is refused (React Router's own origin check answers 400 for page
  // actions before ours answers 403), and the beat stays as it was.
  const cross = await page.request.post(beatPath, { form: { intent: 'archive' }, headers: { Origin: 'https://evil.example' } })
  expect([400, 403]).toContain(cross.status())
  await page.goto(beatPath)
  await expect(page.getByRole('heading', { name: 'Live in the catalog' })).toBeVisible()
})
