/**
 * The preview view in headless Chromium: bundled with esbuild into a test page that mounts it
 * inside @sanity/ui's ThemeProvider with the Studio theme, showing a real posting from the
 * imported Hugo corpus (../shared/corpus) with the site's stylesheet. Screenshots go to
 * test/artifacts/plugin/.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {build, type Plugin} from 'esbuild'
import {chromium, type BrowserContext, type FrameLocator, type Page} from 'playwright-core'
import type {SanityDocument} from 'sanity'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {importHugoContent} from '../../lib/import'
import type {PreviewPageSetup} from './browser/previewPage'
import {CHROMIUM_ARGS, CHROMIUM_EXECUTABLE} from '../support/chromium'

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/content/career', import.meta.url))
const PAGE_ENTRY = fileURLToPath(new URL('./browser/previewPage.tsx', import.meta.url))
const SANITY_SHIM = fileURLToPath(new URL('./browser/sanityShim.ts', import.meta.url))
const ARTIFACTS = fileURLToPath(new URL('../artifacts/plugin/', import.meta.url))
const FRAME_TITLE = 'The posting as the website shows it'

/** Every `sanity` import of the page goes to the shim, except the shim's own. */
const fakeStudioHooks: Plugin = {
  name: 'fake-studio-hooks',
  setup(esbuild) {
    esbuild.onResolve({filter: /^sanity$/}, (args) =>
      args.importer === SANITY_SHIM ? undefined : {path: SANITY_SHIM},
    )
  },
}

/** `import text from './file?raw'`, as Vite does it in the Studio: the file's text. */
const rawImports: Plugin = {
  name: 'raw-imports',
  setup(esbuild) {
    esbuild.onResolve({filter: /\?raw$/}, (args) => ({
      path: join(args.resolveDir, args.path.replace(/\?raw$/, '')),
      namespace: 'raw',
    }))
    esbuild.onLoad({filter: /.*/, namespace: 'raw'}, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
    }))
  },
}

let server: Server
let context: BrowserContext
let page: Page
let posting: SanityDocument
/** Names of the posting's team and contact as the import stored them, when it has them. */
let teamName: string | undefined
let contactName: string | undefined
const temporaryDirs: string[] = []

beforeAll(async () => {
  const {documents} = await importHugoContent({paths: [CORPUS], validate: false})
  const postings = documents.filter((doc) => doc._type === 'posting')
  // The richest posting: the one with the most body blocks, references and all.
  posting = [...postings].sort(
    (a, b) => ((b.body as unknown[]) ?? []).length - ((a.body as unknown[]) ?? []).length,
  )[0] as SanityDocument
  expect(posting, 'the corpus import gave no posting').toBeDefined()
  const nameOf = (reference: unknown) =>
    documents.find((doc) => doc._id === (reference as {_ref?: string} | undefined)?._ref)?.name as
      string | undefined
  teamName = nameOf(posting.team)
  contactName = nameOf(posting.contact)
  expect(teamName ?? contactName, 'the posting references no team or contact').toBeDefined()

  const bundle = await build({
    entryPoints: [PAGE_ENTRY],
    bundle: true,
    write: false,
    // The Studio's and @sanity/ui's stylesheets come out as preview.css beside preview.js.
    outdir: '/preview',
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    define: {'process.env.NODE_ENV': '"production"'},
    plugins: [fakeStudioHooks, rawImports],
    logLevel: 'error',
  })
  const outputs = new Map(bundle.outputFiles.map((file) => [file.path, file.text]))
  const script = outputs.get('/preview/previewPage.js') ?? ''
  const styles = outputs.get('/preview/previewPage.css') ?? ''

  server = createServer((request, response) => {
    if (request.url === '/preview.js') {
      response.writeHead(200, {'content-type': 'text/javascript'}).end(script)
    } else if (request.url === '/preview.css') {
      response.writeHead(200, {'content-type': 'text/css'}).end(styles)
    } else if (request.url === '/') {
      const {port} = server.address() as AddressInfo
      const setup: PreviewPageSetup = {
        documents: documents as SanityDocument[],
        postingId: posting._id.replace(/^drafts\./, ''),
        siteBaseUrl: `http://127.0.0.1:${port}`,
      }
      response.writeHead(200, {'content-type': 'text/html'}).end(
        '<!doctype html><html><head><meta charset="utf-8"><title>Careers preview</title>' +
          '<link rel="stylesheet" href="/preview.css"></head>' +
          '<body style="margin:0"><div id="root"></div>' +
          // `<` escaped so no text in the corpus can end the script element.
          `<script id="setup" type="application/json">${JSON.stringify(setup).replace(/</g, '\\u003c')}</script>` +
          '<script type="module" src="/preview.js"></script></body></html>',
      )
    } else {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))

  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'))
  temporaryDirs.push(profile)
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_EXECUTABLE,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: {width: 1280, height: 900},
  })
  page = context.pages()[0] ?? (await context.newPage())
  const pageErrors: Error[] = []
  page.on('pageerror', (error) => pageErrors.push(error))
  const {port} = server.address() as AddressInfo
  await page.goto(`http://127.0.0.1:${port}/`)
  await page
    .frameLocator(`iframe[title="${FRAME_TITLE}"]`)
    .locator('h1')
    .waitFor({timeout: 30_000})
    .catch((error: unknown) => {
      throw new Error(`The preview did not render: ${pageErrors.join('; ') || String(error)}`)
    })
  mkdirSync(ARTIFACTS, {recursive: true})
})

afterAll(async () => {
  await context?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  for (const dir of temporaryDirs) rmSync(dir, {recursive: true, force: true})
})

const pageFrame = (): FrameLocator => page.frameLocator(`iframe[title="${FRAME_TITLE}"]`)

describe('Preview view in Chromium', () => {
  test('shows the imported posting with the website stylesheet, resolved references and no scripts', async () => {
    expect(await pageFrame().locator('h1').textContent()).toBe(posting.title)
    // The site's stylesheet is in the page (this server does not serve it): links take its accent.
    const linkColor = await pageFrame()
      .locator('a')
      .first()
      .evaluate((link) => getComputedStyle(link).color)
    expect(linkColor).toBe('rgb(25, 95, 140)')
    // Team and contact are references: resolved through the client, shown in the sidebar.
    const sidebar = await pageFrame().locator('.posting__sidebar').textContent()
    for (const name of [teamName, contactName]) if (name) expect(sidebar).toContain(name)

    // The frame is sandboxed without scripts: an event handler put into the page never runs. The
    // page's own handler would run before the listener added here, so once that listener has
    // heard the image fail, the handler has had its chance.
    const ran = await page.evaluate(async (title) => {
      const frame = document.querySelector<HTMLIFrameElement>(`iframe[title="${title}"]`)!
      frame.contentDocument!.body.insertAdjacentHTML(
        'beforeend',
        '<img id="handler-probe" src="/missing.png" onerror="parent.document.title = \'script ran\'">',
      )
      const probe = frame.contentDocument!.getElementById('handler-probe')!
      await new Promise((resolve) => probe.addEventListener('error', resolve, {once: true}))
      return document.title === 'script ran'
    }, FRAME_TITLE)
    expect(ran).toBe(false)
    await page.screenshot({path: join(ARTIFACTS, 'preview-desktop.png')})
  })

  test('updates in place as the editor types: no reload, the reader kept in place', async () => {
    const frame = page.locator(`iframe[title="${FRAME_TITLE}"]`)
    // The site's stylesheet asks for smooth scrolling, which would still be animating when the
    // edit lands: jump instead, and start editing only once the frame is where it was sent.
    await frame.evaluate((element: HTMLIFrameElement) => {
      element.contentDocument!.documentElement.dataset.loadedOnce = 'yes'
      // The sidebar (with any image) is untouched by the edit: it stays the same element.
      Object.assign(element.contentDocument!.querySelector('.posting__sidebar')!, {
        keptAcrossEdits: true,
      })
      element.contentWindow!.scrollTo({top: 400, behavior: 'instant'})
    })
    await expect
      .poll(() => frame.evaluate((element: HTMLIFrameElement) => element.contentWindow!.scrollY))
      .toBe(400)
    // What the reader is looking at: the element in the middle of the frame, and where it is.
    // A shorter title moves the page up under it; the browser's scroll anchoring then moves the
    // scroll position so the reader's place stays where it was, which is what counts.
    const readingTop = await frame.evaluate((element: HTMLIFrameElement) => {
      const view = element.contentWindow!
      const reading = element.contentDocument!.elementFromPoint(
        view.innerWidth / 2,
        view.innerHeight / 2,
      )!
      Object.assign(element.contentDocument!, {reading})
      return reading.getBoundingClientRect().top
    })
    await page.evaluate(() => window.careersPreview.edit({title: 'Edited in the Studio'}))
    await expect
      .poll(() => pageFrame().locator('h1').textContent(), {timeout: 10_000})
      .toBe('Edited in the Studio')
    const after = await frame.evaluate((element: HTMLIFrameElement) => {
      const reading = (element.contentDocument as Document & {reading: Element}).reading
      return {
        loadedOnce: element.contentDocument!.documentElement.dataset.loadedOnce,
        sidebarKept:
          'keptAcrossEdits' in element.contentDocument!.querySelector('.posting__sidebar')!,
        readingStillShown: reading.isConnected,
        readingTop: Math.round(reading.getBoundingClientRect().top),
      }
    })
    expect(after).toEqual({
      loadedOnce: 'yes',
      sidebarKept: true,
      readingStillShown: true,
      readingTop: Math.round(readingTop),
    })
  })

  test('narrows to a phone width', async () => {
    await page.getByRole('button', {name: 'Mobile width'}).click()
    const width = await page
      .locator(`iframe[title="${FRAME_TITLE}"]`)
      .evaluate((element) => element.getBoundingClientRect().width)
    expect(width).toBe(390)
    await page.screenshot({path: join(ARTIFACTS, 'preview-mobile.png')})
    await page.getByRole('button', {name: 'Desktop width'}).click()
  })

  test('shows the JSON-LD it would ship and the checks', async () => {
    await page.getByRole('tab', {name: /^JSON-LD/}).click()
    await page.getByText('"@type": "JobPosting"', {exact: false}).waitFor()
    await page.screenshot({path: join(ARTIFACTS, 'preview-jsonld.png')})
    await page.getByRole('tab', {name: /^Checks/}).click()
    await page.screenshot({path: join(ARTIFACTS, 'preview-checks.png')})
    await page.getByRole('tab', {name: 'Page'}).click()
  })
})
