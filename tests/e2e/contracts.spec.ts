import { expect, test } from '@playwright/test'

// A producer edits their Basic contract: the preview fills it with sample values as they type, a
// misspelt variable and a hand placeholder are refused when saving, the fixed text saves.

test('a producer edits the Basic contract with a live preview; a bad variable is refused', async ({ page }) => {
  // Several saves over a production build on a shared machine; each step still waits for what a person sees.
  test.setTimeout(180_000)
  await page.goto('/studio/login')
  await page.getByLabel('Email').fill('mara@beatstall.test')
  await page.getByLabel('Password').fill('beatstall-demo')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Your beats' })).toBeVisible()

  await page.getByRole('navigation', { name: 'Studio' }).getByRole('link', { name: 'Contracts' }).click()
  await expect(page.getByRole('heading', { name: 'Contracts', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Basic', exact: true })).toHaveAttribute('aria-current', 'page')
  const editor = page.getByLabel(/Basic contract/)
  const preview = page.getByTestId('contract-preview')
  // The default text, filled with sample values: no braces left.
  await expect(preview).toContainText('Midnight Drive')
  await expect(preview).toContainText('Limits of use')
  await expect(preview).not.toContainText('{{')
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.screenshot({ path: test.info().outputPath('contracts-1280.png'), fullPage: false })

  // A misspelt variable and an Airbit-style placeholder: flagged while typing, refused on save.
  await editor.fill('# Parties\nThis license for {{beat_name}} is granted to BUYER NAME by {{producer_legal_name}}.')
  await expect(page.getByRole('list', { name: 'Problems to fix before saving' })).toContainText('{{beat_name}} (did you mean {{beat_title}}?)')
  await expect(preview).toContainText('is granted to BUYER NAME by')
  await page.getByRole('button', { name: 'Save Basic contract' }).click()
  await expect(page.getByRole('alert')).toContainText('Not saved.')
  await expect(page.getByRole('alert')).toContainText('{{beat_name}}')
  await expect(page.getByRole('alert')).toContainText('“BUYER NAME”')

  // Fixed: saved, and the preview shows the sample values.
  await editor.fill('# Parties\nThis license for {{beat_title}} is granted to {{buyer_name}} by {{producer_legal_name}} for {{price_paid}}.')
  await expect(preview).toContainText('This license for Midnight Drive is granted to Jordan Reyes by')
  await page.getByRole('button', { name: 'Save Basic contract' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Basic · edited' })).toBeVisible()
  await expect(editor).toHaveValue(/\{\{beat_title\}\} is granted to \{\{buyer_name\}\}/)

  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: test.info().outputPath('contracts-390.png'), fullPage: true })
})
