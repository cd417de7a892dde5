import type { Page } from '@playwright/test'

/** Resolves once React has hydrated the page (until then buttons have no handlers). */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('main')
    return !!main && Object.keys(main).some((k) => k.startsWith('__reactFiber'))
  })
}

/** Opens a page and waits until it responds to clicks. */
export async function visit(page: Page, url: string) {
  await page.goto(url)
  await hydrated(page)
}
