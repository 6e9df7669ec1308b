import {type ChildProcess, spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {once} from 'node:events'
import {readdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {type Browser, type BrowserContext, chromium, type Page, type Request} from 'playwright-core'

import {startContentLake, type RunningContentLake} from '../../lib/content-lake/server'
import {DEFAULT_DATASET, LOCAL_PROJECT_ID} from '../../lib/env'
import {temporaryDirectory} from '../content-lake/helpers'
import {CHROMIUM_ARGS, CHROMIUM_EXECUTABLE} from '../support/chromium'

/**
 * The built Studio bakes in the API host, so the test server always listens on this port.
 * `E2E_PORT` moves the pair (lake, lake + 1) for checkouts that test side by side on one machine.
 */
export const E2E_LAKE_PORT = Number(process.env.E2E_PORT ?? 3990)
export const E2E_STUDIO_PORT = E2E_LAKE_PORT + 1
export const STUDIO_BUILD_DIR = 'test/artifacts/studio-build'
export const ARTIFACTS_DIR = 'test/artifacts/e2e'

const SANITY_BIN = 'node_modules/.bin/sanity'

/** The Studio's environment for the local default: no project id, API host on the test port. */
function studioEnvironment(): NodeJS.ProcessEnv {
  const {SANITY_STUDIO_PROJECT_ID: _ignored, ...environment} = process.env
  return {
    ...environment,
    SANITY_STUDIO_API_HOST: `http://localhost:${E2E_LAKE_PORT}`,
    SANITY_TELEMETRY_DISABLED: '1',
  }
}

async function run(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, {env: studioEnvironment(), stdio: ['ignore', 'pipe', 'pipe']})
  let output = ''
  child.stdout.on('data', (chunk) => (output += String(chunk)))
  child.stderr.on('data', (chunk) => (output += String(chunk)))
  const [code] = (await once(child, 'exit')) as [number | null]
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${output}`)
}

/** What the built Studio is made of; a change to any of it means a new build. */
const STUDIO_SOURCES = [
  'sanity.config.ts',
  'sanity.cli.ts',
  'schemas',
  'structure',
  'plugins',
  'lib',
  'package-lock.json',
  // Fixes to dependencies the Studio bundles (patch-package).
  'patches',
]

async function studioFingerprint(): Promise<string> {
  const hash = createHash('sha256').update(`api host ${E2E_LAKE_PORT}\n`)
  const files = (
    await Promise.all(
      STUDIO_SOURCES.map(async (source) => {
        const entries = await readdir(source, {recursive: true, withFileTypes: true}).catch(
          () => null,
        )
        if (!entries) return [source]
        return entries
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name))
      }),
    )
  )
    .flat()
    .sort()
  for (const file of files) hash.update(`${file}\n`).update(await readFile(file))
  return hash.digest('hex')
}

/**
 * `sanity build` works offline. Every Studio test file calls this; the build runs only when the
 * Studio's sources changed since the last one, so a test run builds once.
 */
export async function buildStudio(): Promise<void> {
  const stamp = join(STUDIO_BUILD_DIR, '.source-fingerprint')
  const fingerprint = await studioFingerprint()
  if ((await readFile(stamp, 'utf8').catch(() => '')) === fingerprint) return
  await run(SANITY_BIN, ['build', STUDIO_BUILD_DIR, '--yes'])
  await writeFile(stamp, fingerprint)
}

/** Serves the built Studio with `sanity preview`, which falls back to index.html for Studio routes. */
export async function serveStudio(): Promise<{url: string; stop: () => Promise<void>}> {
  const child: ChildProcess = spawn(
    SANITY_BIN,
    ['preview', STUDIO_BUILD_DIR, '--port', String(E2E_STUDIO_PORT), '--host', '127.0.0.1'],
    {env: studioEnvironment(), stdio: ['ignore', 'pipe', 'inherit']},
  )
  await waitForOutput(child, 'running at')
  return {
    url: `http://127.0.0.1:${E2E_STUDIO_PORT}`,
    // A static file server holds nothing worth a graceful shutdown.
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGKILL')
      await once(child, 'exit')
    },
  }
}

/**
 * Resolves when the child prints `text`. The output keeps flowing afterwards: closing the pipe
 * would make the child fail on its next write.
 */
export function waitForOutput(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk) => {
      output += String(chunk)
      if (output.includes(text)) resolve()
    })
    child.once('exit', (code) =>
      reject(new Error(`The process ended (${code}) before it printed "${text}":\n${output}`)),
    )
  })
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS})
}

function isLocal(url: string): boolean {
  const {protocol, hostname} = new URL(url)
  if (protocol === 'data:' || protocol === 'blob:') return true
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname.endsWith('.localhost')
}

/**
 * A browser context with no network beyond this machine: every request elsewhere (fonts, version
 * checks, Sanity's CDN) fails, as it does offline. The blocked addresses are kept for the report.
 */
export async function offlineContext(
  browser: Browser,
): Promise<{context: BrowserContext; blocked: string[]}> {
  const context = await browser.newContext({viewport: {width: 1440, height: 1000}})
  openContexts.push(context)
  const blocked: string[] = []
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (isLocal(url)) return route.continue()
    blocked.push(url)
    return route.abort('internetdisconnected')
  })
  reportLocalRequestFailures(context)
  return {context, blocked}
}

/**
 * Prints every local request that fails or answers with a server error: the Studio answers those
 * with a "request error" dialog over the page, so a test that then cannot click has its cause here.
 */
function reportLocalRequestFailures(context: BrowserContext) {
  const describe = (request: Request) => `${request.method()} ${request.url()}`
  context.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText
    // The page cancelling its own request (a closed listener, a superseded query) is no failure.
    if (!isLocal(request.url()) || reason === 'net::ERR_ABORTED') return
    console.warn(`e2e: ${describe(request)} failed: ${reason}`)
  })
  context.on('response', (response) => {
    if (!isLocal(response.url()) || (response.status() < 500 && response.status() !== 429)) return
    console.warn(`e2e: ${describe(response.request())} answered ${response.status()}`)
  })
}

const FEATURES_REQUEST = /\/features(\?|$)/

/**
 * Loads the Studio at `url` in `page` and returns once it has settled. When /features answers,
 * the Studio wraps its whole layout anew (sanity 6.16's comments layout adds a provider once it
 * knows comments are off), which remounts everything below: an open dialog, a focused input, a
 * menu. On a busy machine that answer can come after the document is on screen and the test has
 * started clicking. So the page holds /features until the Studio has rendered, lets it through,
 * and waits for the navigation bar to be replaced: after that, nothing remounts.
 */
export async function gotoStudio(page: Page, url: string): Promise<void> {
  let releaseFeatures!: () => void
  const featuresReleased = new Promise<void>((resolve) => (releaseFeatures = resolve))
  // Once released, the handler passes every request on to the context's offline routing.
  await page.route(FEATURES_REQUEST, async (route) => {
    await featuresReleased
    await route.fallback()
  })
  try {
    await page.goto(url)
    const navbar = page.getByTestId('studio-navbar')
    await navbar.waitFor({timeout: STUDIO_BOOT_TIMEOUT})
    await navbar.evaluate((element) => element.setAttribute('data-before-features', ''))
  } finally {
    releaseFeatures()
  }
  await page
    .locator('[data-testid="studio-navbar"]:not([data-before-features])')
    .waitFor({timeout: STUDIO_BOOT_TIMEOUT})
}

/** A new offline tab with the Studio loaded at `url` and settled (see `gotoStudio`). */
export async function openStudioPage(
  browser: Browser,
  url: string,
): Promise<{page: Page; blocked: string[]}> {
  const {context, blocked} = await offlineContext(browser)
  const page = await context.newPage()
  await gotoStudio(page, url)
  return {page, blocked}
}

/** The Studio is slow to boot on a busy two-core machine. */
const STUDIO_BOOT_TIMEOUT = 120_000

const openContexts: BrowserContext[] = []

/**
 * Closes the contexts `offlineContext` opened; test files call it after each test. Left open, a
 * Studio tab keeps listening, rendering and reporting presence, and slows every later test on a
 * two-core machine.
 */
export async function closeOpenContexts(): Promise<void> {
  await Promise.all(openContexts.splice(0).map((context) => context.close()))
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({path: `${ARTIFACTS_DIR}/${name}.png`})
}

export interface StudioEnvironment {
  lake: RunningContentLake
  studio: {url: string; stop: () => Promise<void>}
  browser: Browser
  stop(): Promise<void>
}

/** The built Studio, served against a local Content Lake seeded with `documents`, and a browser. */
export async function startStudioEnvironment(
  documents: readonly object[],
): Promise<StudioEnvironment> {
  const directory = await temporaryDirectory()
  const datasetFile = join(directory.path, 'production.ndjson')
  await writeFile(
    datasetFile,
    documents.map((document) => `${JSON.stringify(document)}\n`).join(''),
  )
  const [lake] = await Promise.all([
    startContentLake({
      datasetFile,
      projectId: LOCAL_PROJECT_ID,
      dataset: DEFAULT_DATASET,
      port: E2E_LAKE_PORT,
      // The Studio is served from here; the lake answers no other page.
      studioOrigins: [`http://127.0.0.1:${E2E_STUDIO_PORT}`],
    }),
    buildStudio(),
  ])
  const studio = await serveStudio()
  const browser = await launchBrowser()
  return {
    lake,
    studio,
    browser,
    async stop() {
      await browser.close()
      await studio.stop()
      await lake.close()
      await directory.remove()
    },
  }
}
