import { expect, test } from '@playwright/test'

// A listener gets the demo's free download through the email confirmation.

test('a listener asks for Glass Halo free, confirms from the mailbox and gets the MP3 and its license', async ({ page }) => {
  const email = `listener-${Date.now()}@example.test`
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/beats/glass-halo')
  const form = page.getByRole('region', { name: 'Free download' })
  await expect(form).toBeVisible()
  await expect(form.getByRole('checkbox', { name: 'Send me news from Nova Reyes' })).not.toBeChecked()
  await form.getByLabel('Email').fill(email)
  await form.getByRole('checkbox', { name: 'Send me news from Nova Reyes' }).check()
  await form.screenshot({ path: 'test-results/free-download-form-390.png' })
  await form.getByRole('button', { name: 'Email me the download link' }).click()
  await expect(form.getByRole('status')).toHaveText('Check your inbox: we sent a link to confirm your address.')

  let href: string | null = null
  await expect(async () => {
    await page.goto('/dev/mailbox')
    await page.getByRole('link', { name: /Confirm your email to download “Glass Halo”/ }).first().click({ timeout: 1000 })
    href = await page.frameLocator('iframe').getByRole('link', { name: 'Confirm and download' }).getAttribute('href', { timeout: 1000 })
  }).toPass({ timeout: 20_000 })
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(new URL(href!).pathname)
  await expect(page.getByRole('heading', { name: 'Glass Halo' })).toBeVisible()
  await expect(page.getByText('prod. by Nova Reyes').first()).toBeVisible()
  await page.screenshot({ path: 'test-results/free-download-confirmed-1280.png', fullPage: true })
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download the MP3' }).click()
  expect((await download).suggestedFilename()).toMatch(/\.mp3$/)
})
