/**
 * Rendered pages in headless Chromium (Debian's, through playwright-core): the XSS posting runs
 * no script, and a real posting works for a candidate: the FAQ opens and the apply link is right.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {chromium, type BrowserContext, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {createLocalDataset} from '../../lib/dataset'
import {exportSite} from '../../lib/export/exportSite'
import {serveDirectory, type RunningServer} from '../../lib/export/staticServer'
import {DEFAULT_SITE_SETTINGS} from '../../lib/render'
import {careersFixture, FIXTURE_NOW, openPostingDraft} from '../fixtures/documents/careers'
import {xssPosting} from '../fixtures/documents/xss'
import {CHROMIUM_ARGS, CHROMIUM_EXECUTABLE} from '../support/chromium'

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url))

let server: RunningServer
let context: BrowserContext
const temporaryDirs: string[] = []

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'browser-site-'))
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'))
  temporaryDirs.push(out, profile)
  await exportSite({
    dataset: createLocalDataset([...careersFixture, xssPosting], {now: () => FIXTURE_NOW}),
    settings: DEFAULT_SITE_SETTINGS,
    siteDir: join(out, 'site'),
    hugoDir: join(out, 'hugo'),
    drafts: true,
  })
  server = await serveDirectory(join(out, 'site'))
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_EXECUTABLE,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: {width: 1280, height: 900},
  })
})

afterAll(async () => {
  await context?.close()
  await server?.close()
  for (const dir of temporaryDirs) rmSync(dir, {recursive: true, force: true})
})

interface ScriptWatch {
  runs: () => Promise<number[]>
  dialogs: string[]
  errors: string[]
}

/** Every payload calls xssRan(n); record those calls, dialogs and uncaught errors. */
async function watchForScripts(page: Page): Promise<ScriptWatch> {
  const watch = {dialogs: [] as string[], errors: [] as string[]}
  await page.addInitScript(() => {
    const runs: number[] = []
    Object.assign(window, {xssRan: (n: number) => runs.push(n), xssRuns: runs})
  })
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => watch.errors.push(error.message))
  return {
    ...watch,
    runs: () => page.evaluate(() => (window as unknown as {xssRuns: number[]}).xssRuns),
  }
}

describe('in Chromium', () => {
  it('notices a payload that does run (control for the test below)', async () => {
    const page = await context.newPage()
    const watch = await watchForScripts(page)
    await page.goto(`${server.url}career/`)
    await page.setContent('<img src="data:," onerror="xssRan(1)">')
    await expect.poll(() => watch.runs()).toEqual([1])
    await page.close()
  })

  it('runs no script from the XSS posting, whatever the reader does', async () => {
    const page = await context.newPage()
    const watch = await watchForScripts(page)
    await page.goto(`${server.url}career/xss-engineer/`)
    // The payloads are on the page as text, so the page did render them.
    await expect(page.locator('h1').textContent()).resolves.toContain('<script>xssRan(5)</script>')
    // Provoke handlers: hover and focus everything, open every disclosure, click every link
    // that stays on the page.
    for (const element of await page.locator('main *').all()) {
      await element.hover({force: true, timeout: 1000}).catch(() => undefined)
      await element.focus().catch(() => undefined)
    }
    for (const summary of await page.locator('summary').all()) await summary.click()
    for (const link of await page.locator('main a[href^="#"]').all()) await link.click()
    const counts = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script:not([type="application/ld+json"])').length,
      frames: document.querySelectorAll('iframe, object, embed, svg, math, form').length,
      handlers: [...document.querySelectorAll('*')].filter((element) =>
        element.getAttributeNames().some((name) => name.startsWith('on')),
      ).length,
      unsafeLinks: [...document.querySelectorAll('[href], [src]')].filter((element) =>
        /^\s*(javascript|data|vbscript):/i.test(
          element.getAttribute('href') ?? element.getAttribute('src') ?? '',
        ),
      ).length,
    }))
    expect(counts).toEqual({scripts: 0, frames: 0, handlers: 0, unsafeLinks: 0})
    expect(await watch.runs()).toEqual([])
    expect(watch.dialogs).toEqual([])
    expect(watch.errors).toEqual([])
    await page.close()
  })

  it('opens the FAQ, links the apply button to the application and looks right', async () => {
    const page = await context.newPage()
    const watch = await watchForScripts(page)
    await page.goto(`${server.url}career/platform-engineer/`)
    await expect(page.title()).resolves.toContain(String(openPostingDraft.title))

    const question = page.locator('details#remote-question')
    const answer = question.locator('.faq__answer')
    await expect(answer.isVisible()).resolves.toBe(false)
    await question.getByText('Can I work from Tromsø?').click()
    await expect(
      question.evaluate((element) => (element as HTMLDetailsElement).open),
    ).resolves.toBe(true)
    await expect(answer.isVisible()).resolves.toBe(true)
    await expect(answer.textContent()).resolves.toContain('anywhere in Norway or Sweden')

    const sidebar = page.getByRole('complementary', {name: 'About the job'})
    const apply = sidebar.getByRole('link', {name: 'Apply now'})
    await expect(apply.getAttribute('href')).resolves.toBe(
      (openPostingDraft.apply as {url: string}).url,
    )
    await expect(apply.isVisible()).resolves.toBe(true)
    // The stylesheet is loaded: the apply button is drawn as a filled button.
    await expect(
      apply.evaluate((element) => getComputedStyle(element).backgroundColor),
    ).resolves.toBe('rgb(25, 95, 140)')

    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({path: join(ARTIFACTS, 'posting-platform-engineer.png'), fullPage: true})
    expect(await watch.runs()).toEqual([])
    expect(watch.errors).toEqual([])
    await page.close()
  })

  it('shows the job facts and the apply button on the first screen of a phone', async () => {
    const page = await context.newPage()
    await page.setViewportSize({width: 375, height: 667})
    await page.goto(`${server.url}career/platform-engineer/`)
    const sidebar = page.getByRole('complementary', {name: 'About the job'})
    for (const element of [
      sidebar.locator('.posting__facts'),
      sidebar.getByRole('link', {name: 'Apply now'}),
    ]) {
      const box = await element.boundingBox()
      expect(box, 'drawn on the page').not.toBeNull()
      expect(box!.y + box!.height).toBeLessThanOrEqual(667)
    }
    await page.screenshot({path: join(ARTIFACTS, 'posting-platform-engineer-phone.png')})
    await page.close()
  })

  it('serves the careers index and follows an alias to its posting', async () => {
    const page = await context.newPage()
    await page.goto(`${server.url}career/`)
    await expect(page.locator('h1').textContent()).resolves.toBe('Open positions')
    await page.goto(`${server.url}jobs/platform/`)
    await page.waitForURL(`${server.url}career/platform-engineer/`)
    await page.close()
  })
})
