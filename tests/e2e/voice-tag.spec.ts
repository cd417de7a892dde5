import { randomBytes } from 'node:crypto'
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { chirpTag } from '../../scripts/seed/audio/chirp-tag'
import { encodeWav } from '../../scripts/seed/audio/wav'
import { makeWav } from '../studio-media'

// A producer uploads a voice tag and a WAV; the store renders the tagged preview in the background,
// the beat editor shows its progress, and the producer hears it. Screenshots at 390 and 1280 px.

const id = randomBytes(3).toString('hex')

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 })
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(overflow, `${name} fits ${width} px`).toBeLessThanOrEqual(width + 1)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

test('a producer uploads a voice tag and a WAV and hears the preview the store tagged', async ({ page }, testInfo) => {
  test.setTimeout(240_000)
  await page.goto('/studio/signup')
  await page.getByLabel('Producer name').fill(`Tag Producer ${id}`)
  await page.getByLabel('Email').fill(`tag-${id}@example.test`)
  await page.getByLabel('Password').fill('a long enough password')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Your beats' })).toBeVisible()

  // The voice tag: a refused file first, then a real one.
  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Voice tag' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Voice tag' })).toBeVisible()
  await page.getByLabel('Tag file').setInputFiles({ name: 'notes.wav', mimeType: 'audio/wav', buffer: Buffer.from('not audio at all\n'.repeat(50)) })
  await page.getByRole('button', { name: 'Upload tag' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'WAV or MP3' })).toBeVisible()
  const tag = chirpTag(44_100)
  await page.getByLabel('Tag file').setInputFiles({ name: 'my-tag.wav', mimeType: 'audio/wav', buffer: encodeWav({ left: tag, right: tag }, 44_100, { mono: true }) })
  await page.getByRole('button', { name: 'Upload tag' }).click()
  await expect(page.getByText('Voice tag saved.')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText('my-tag.wav')).toBeVisible()
  await page.getByLabel('Tag every (seconds)').fill('10')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByText('Settings saved.')).toBeVisible()
  await shoot(page, testInfo, 'voice-tag')

  // A beat with only a WAV: the store renders its preview.
  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Beats' }).click()
  await page.getByRole('link', { name: 'New beat' }).click()
  await page.getByLabel('Title').fill(`Tagged ${id}`)
  await page.getByLabel('BPM').fill('120')
  await page.getByRole('button', { name: 'Create draft' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Tagged ${id}` })).toBeVisible()
  const panel = page.getByRole('region', { name: 'Tagged preview' })
  await expect(panel.getByRole('status')).toHaveText('Waiting for audio')
  await page.getByLabel('Upload WAV file').setInputFiles({ name: 'full.wav', mimeType: 'audio/wav', buffer: makeWav(25, 44_100) })
  await expect(page.getByText('WAV uploaded.')).toBeVisible({ timeout: 30_000 })
  await expect(panel.getByRole('status')).toHaveText(/Queued|Rendering…|Ready/)
  await expect(panel.getByRole('status')).toHaveText('Ready', { timeout: 150_000 })
  await panel.scrollIntoViewIfNeeded()
  await shoot(page, testInfo, 'tagged-preview-ready')

  // The player loads the rendered preview (25 s of source → a 25 s preview).
  const player = panel.getByLabel('Tagged preview', { exact: true })
  const duration = await player.evaluate(
    (audio: HTMLAudioElement) =>
      new Promise<number>((resolve, reject) => {
        if (audio.readyState >= 1) return resolve(audio.duration)
        audio.addEventListener('loadedmetadata', () => resolve(audio.duration))
        audio.addEventListener('error', () => reject(new Error('the preview did not load')))
        audio.load()
      }),
  )
  expect(duration).toBeGreaterThan(24)
  expect(duration).toBeLessThan(26.5)
})
