/**
 * The injection corpus (test/fixtures/documents/injection.ts) exported, then built twice: as our
 * HTML site, and by Hugo with the real website's templates (../shared/site, copied, never
 * edited). Every page of both is opened in Chromium, its handlers provoked, and then: no payload
 * ran, no dialog opened, no link or form inside the posting is javascript:/data:/vbscript:, and
 * nothing on the page links to or loads anything from evil.example.
 */
import {execFile} from 'node:child_process'
import {cpSync, mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'

import {chromium, type BrowserContext, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {createLocalDataset} from '../../lib/dataset'
import {exportSite, type ExportReport} from '../../lib/export/exportSite'
import {serveDirectory, type RunningServer} from '../../lib/export/staticServer'
import {DEFAULT_SITE_SETTINGS} from '../../lib/render'
import {INJECTION_CASES, injectionDocuments} from '../fixtures/documents/injection'
import {CHROMIUM_ARGS, CHROMIUM_EXECUTABLE} from '../support/chromium'
import {normaliseText} from './pageAssertions'

const REAL_SITE = fileURLToPath(new URL('../../../shared/site', import.meta.url))
const run = promisify(execFile)

interface BuiltSite {
  name: 'HTML site' | 'real Hugo site'
  server: RunningServer
  /** Where the posting's own content is on its pages; the rest is the site's own template. */
  postingRegions: string
}

const sites: BuiltSite[] = []
const temporaryDirs: string[] = []
let report: ExportReport
let context: BrowserContext
/** Every request a page made to a host other than our two local servers. */
const foreignRequests: string[] = []

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'injection-'))
  const profile = mkdtempSync(join(tmpdir(), 'chromium-injection-'))
  temporaryDirs.push(out, profile)
  report = await exportSite({
    dataset: createLocalDataset(injectionDocuments(), {
      now: () => new Date('2026-06-01T12:00:00Z'),
    }),
    settings: DEFAULT_SITE_SETTINGS,
    siteDir: join(out, 'site'),
    hugoDir: join(out, 'hugo'),
  })

  // The website's templates as they are, with the exported postings in its careers section.
  const hugoSite = join(out, 'real-site')
  cpSync(REAL_SITE, hugoSite, {recursive: true})
  cpSync(join(out, 'hugo', 'content', 'career'), join(hugoSite, 'content', 'career'), {
    recursive: true,
  })
  // Build every page whatever today's date is: the corpus is about content, not schedules.
  await run('/usr/bin/hugo', [
    '--source',
    hugoSite,
    '--destination',
    join(out, 'real-site-public'),
    '--buildDrafts',
    '--buildFuture',
    '--buildExpired',
    '--quiet',
  ])
  sites.push(
    {name: 'HTML site', server: await serveDirectory(join(out, 'site')), postingRegions: 'main'},
    {
      name: 'real Hugo site',
      server: await serveDirectory(join(out, 'real-site-public')),
      postingRegions: 'main, .heading-default-single',
    },
  )

  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_EXECUTABLE,
    headless: true,
    args: CHROMIUM_ARGS,
  })
  const localOrigins = sites.map((site) => new URL(site.server.url).origin)
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (localOrigins.includes(new URL(url).origin)) return route.continue()
    foreignRequests.push(url)
    return route.abort()
  })
  await context.addInitScript(() => {
    const runs: number[] = []
    Object.assign(window, {xssRan: (n: number) => runs.push(n), xssRuns: runs})
  })
}, 300_000)

afterAll(async () => {
  await context?.close()
  for (const site of sites) await site.server.close()
  for (const dir of temporaryDirs) rmSync(dir, {recursive: true, force: true})
})

/** Text compared as a reader sees it: Hugo's typographer curls straight quotes. */
function asReadable(text: string): string {
  return normaliseText(text).replace(/[“”„]/g, '"').replace(/[‘’]/g, "'")
}

interface PageFindings {
  runs: number[]
  unsafeLinks: string[]
  foreignLinks: string[]
  text: string
  title: string
}

/** Load a page, provoke every handler a reader could, and say what it did and links to. */
async function inspect(page: Page, url: string, regions: string): Promise<PageFindings> {
  await page.goto(url)
  return page.evaluate((postingRegions) => {
    const inPosting = [...document.querySelectorAll(postingRegions)].flatMap((region) => [
      region,
      ...region.querySelectorAll('*'),
    ])
    for (const element of inPosting) {
      for (const type of [
        'mouseover',
        'mouseenter',
        'mousemove',
        'focus',
        'focusin',
        'pointerdown',
      ]) {
        element.dispatchEvent(new Event(type, {bubbles: true}))
      }
      if (element instanceof HTMLDetailsElement) element.open = true
    }
    const urlAttributes = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href']
    const resolve = (value: string) => {
      try {
        return new URL(value, document.baseURI)
      } catch {
        return undefined
      }
    }
    const unsafeLinks: string[] = []
    for (const element of inPosting) {
      for (const name of urlAttributes) {
        const value = element.getAttribute(name)
        const resolved = value === null ? undefined : resolve(value)
        if (resolved && ['javascript:', 'data:', 'vbscript:'].includes(resolved.protocol)) {
          unsafeLinks.push(`<${element.tagName.toLowerCase()} ${name}="${value}">`)
        }
      }
    }
    const foreignLinks: string[] = []
    for (const element of document.querySelectorAll('*')) {
      const values = urlAttributes.map((name) => element.getAttribute(name))
      if (element.matches('meta[property="og:image"], meta[http-equiv="refresh"]')) {
        values.push(element.getAttribute('content')?.replace(/^\d+;\s*url=/i, '') ?? null)
      }
      for (const value of values) {
        if (value !== null && resolve(value)?.hostname.endsWith('evil.example')) {
          foreignLinks.push(`<${element.tagName.toLowerCase()}> ${value}`)
        }
      }
      const background = getComputedStyle(element).backgroundImage
      for (const [, image = ''] of background.matchAll(/url\("((?:[^"\\]|\\.)*)"\)/g)) {
        if (resolve(image)?.hostname.endsWith('evil.example')) {
          foreignLinks.push(`<${element.tagName.toLowerCase()}> background ${image}`)
        }
      }
    }
    return {
      runs: (window as unknown as {xssRuns: number[]}).xssRuns,
      unsafeLinks,
      foreignLinks,
      // As written, not as styled: some of the website's headings are upper-cased by CSS.
      text: document.body.textContent ?? '',
      title: document.title,
    }
  }, regions)
}

describe('the injection corpus', () => {
  it('is exported whole: no posting skipped, each with its page', () => {
    expect(report.skipped).toEqual([])
    expect(report.postings.map((posting) => posting.slug)).toEqual(
      expect.arrayContaining(INJECTION_CASES.map((item) => `injection-${item.n}`)),
    )
    expect(report.postings).toHaveLength(INJECTION_CASES.length)
  })

  it('was built by Hugo with the real templates into a page per posting', () => {
    const hugoPages = readdirSync(join(temporaryDirs[0] ?? '', 'real-site-public', 'career'))
    expect(hugoPages).toEqual(
      expect.arrayContaining(INJECTION_CASES.map((item) => `injection-${item.n}`)),
    )
  })

  describe.each(['HTML site', 'real Hugo site'] as const)('in Chromium, on the %s', (siteName) => {
    it.each(INJECTION_CASES)('$n: $what runs nothing and links nowhere else', async (item) => {
      const site = sites.find((candidate) => candidate.name === siteName)
      if (!site) throw new Error(`${siteName} was not built`)
      const page = await context.newPage()
      const dialogs: string[] = []
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      const before = foreignRequests.length
      const findings = await inspect(
        page,
        `${site.server.url}career/injection-${item.n}/`,
        site.postingRegions,
      )
      await page.close()
      expect(findings.title, 'the page exists').not.toMatch(/not found/i)
      expect(findings.runs).toEqual([])
      expect(dialogs).toEqual([])
      expect(findings.unsafeLinks).toEqual([])
      expect(findings.foreignLinks).toEqual([])
      expect(foreignRequests.slice(before).filter((url) => url.includes('evil.example'))).toEqual(
        [],
      )
      const shows = siteName === 'HTML site' ? item.shows : (item.hugoShows ?? item.shows)
      if (shows) expect(asReadable(findings.text)).toContain(asReadable(shows))
    })
  })

  it('notices a payload that does run (control for the cases above)', async () => {
    const page = await context.newPage()
    await page.goto(`${sites[0]?.server.url}career/`)
    await page.setContent(`<img src="data:," onerror="xssRan(99)">`)
    await expect
      .poll(() => page.evaluate(() => (window as unknown as {xssRuns: number[]}).xssRuns))
      .toEqual([99])
    await page.close()
  })
})
