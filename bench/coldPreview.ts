/**
 * `npm run bench:preview`: how long marketing waits for the first Preview of a posting after
 * `npm start`, measured in the browser. Starts the local Content Lake on the test fixture and
 * `sanity dev` with its dependency cache removed (the cold start a new clone has), opens a posting
 * in Chromium and clicks Preview. Reports the time from the click to the rendered page in the
 * frame, and how often the Studio reloaded itself (went blank) meanwhile; `--warm` keeps the
 * cache. Writes the figures into bench/RESULTS.md between the cold-preview markers.
 */
import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {mkdtemp, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {Command} from 'commander'
import {chromium} from 'playwright-core'

import {startContentLake} from '../lib/content-lake/server'
import {DEFAULT_DATASET, LOCAL_PROJECT_ID} from '../lib/env'
import {CHROMIUM_ARGS, CHROMIUM_EXECUTABLE} from '../test/support/chromium'
import {careersFixture} from '../test/fixtures/documents/careers'

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Where `sanity dev` (Vite) keeps its pre-bundled dependencies. */
const VITE_CACHE = path.join(PROJECT_ROOT, 'node_modules/.sanity/vite')
const RESULTS = path.join(PROJECT_ROOT, 'bench/RESULTS.md')
const FRAME_TITLE = 'The posting as the website shows it'
const TIMEOUT_MS = 180_000

interface Measurement {
  cache: 'cold' | 'warm'
  /** Click on Preview to the posting's heading drawn in the frame, in the browser's clock. */
  previewMs: number
  /** Full reloads of the Studio page between opening the posting and the preview. */
  reloads: number
  /** Opening the posting's address to its form, for context. */
  formMs: number
}

async function measure(options: {
  warm: boolean
  lakePort: number
  studioPort: number
  showOutput: boolean
}) {
  if (!options.warm) rmSync(VITE_CACHE, {recursive: true, force: true})
  const directory = await mkdtemp(path.join(os.tmpdir(), 'cold-preview-'))
  const datasetFile = path.join(directory, 'production.ndjson')
  await writeFile(datasetFile, careersFixture.map((doc) => `${JSON.stringify(doc)}\n`).join(''))
  const lake = await startContentLake({
    datasetFile,
    projectId: LOCAL_PROJECT_ID,
    dataset: DEFAULT_DATASET,
    port: options.lakePort,
  })
  const studio = spawn(
    'node_modules/.bin/sanity',
    ['dev', '--port', String(options.studioPort), '--host', '127.0.0.1'],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        SANITY_STUDIO_PROJECT_ID: '',
        SANITY_STUDIO_API_HOST: lake.url,
        SANITY_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let studioOutput = ''
  studio.stdout.on('data', (chunk) => (studioOutput += String(chunk)))
  studio.stderr.on('data', (chunk) => (studioOutput += String(chunk)))
  const browser = await chromium.launch({executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS})
  try {
    const url = `http://127.0.0.1:${options.studioPort}`
    await waitUntilAnswers(url)
    const context = await browser.newContext({viewport: {width: 1440, height: 1000}})
    // No network beyond this machine, as everywhere in the tests.
    await context.route('**/*', (route) => {
      const {hostname} = new URL(route.request().url())
      const local = ['127.0.0.1', 'localhost'].includes(hostname) || hostname.endsWith('.localhost')
      return local ? route.continue() : route.abort('internetdisconnected')
    })
    const page = await context.newPage()
    let loads = 0
    page.on('load', () => (loads += 1))
    const openedAt = Date.now()
    await page.goto(`${url}/intent/edit/id=posting-platform-engineer;type=posting/`)
    await page.getByTestId('field-title').locator('input').waitFor({timeout: TIMEOUT_MS})
    const formMs = Date.now() - openedAt
    const now = () => page.evaluate(() => performance.timeOrigin + performance.now())
    const clickedAt = await now()
    await page.getByRole('tab', {name: 'Preview'}).click({timeout: TIMEOUT_MS})
    await page
      .frameLocator(`iframe[title="${FRAME_TITLE}"]`)
      .locator('h1')
      .waitFor({timeout: TIMEOUT_MS})
    const previewMs = Math.round((await now()) - clickedAt)
    if (options.showOutput) console.error(studioOutput)
    const measurement: Measurement = {
      cache: options.warm ? 'warm' : 'cold',
      previewMs,
      reloads: loads - 1,
      formMs,
    }
    return measurement
  } catch (error) {
    throw new Error(`The measurement failed; sanity dev said:\n${studioOutput}`, {cause: error})
  } finally {
    await browser.close()
    studio.kill()
    if (studio.exitCode === null) await once(studio, 'exit')
    await lake.close()
    rmSync(directory, {recursive: true, force: true})
  }
}

async function waitUntilAnswers(url: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS
  for (;;) {
    try {
      await (await fetch(url)).arrayBuffer()
      return
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${url} did not answer`, {cause: error})
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

function writeResults(measurements: Measurement[]) {
  const rows = measurements.map(
    (m) => `| ${m.cache} | ${m.previewMs} ms | ${m.reloads} | ${m.formMs} ms |`,
  )
  const section = [
    '<!-- cold-preview -->',
    '',
    `First Preview of a posting in the Studio of \`npm start\` (\`sanity dev\`), measured in Chromium by`,
    `\`npm run bench:preview\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}; the machine was shared with other work). Cold: Vite's dependency cache removed first, as on a new clone.`,
    '',
    '| cache | click on Preview to page drawn | Studio reloads meanwhile | posting address to form |',
    '| ----- | ------------------------------ | ------------------------ | ----------------------- |',
    ...rows,
    '',
    '<!-- /cold-preview -->',
  ].join('\n')
  const results = readFileSync(RESULTS, 'utf8')
  const marked = /<!-- cold-preview -->[\s\S]*<!-- \/cold-preview -->/
  writeFileSync(
    RESULTS,
    marked.test(results)
      ? results.replace(marked, section)
      : `${results.trimEnd()}\n\n${section}\n`,
  )
}

const program = new Command()
  .option('--warm', 'keep the dependency cache (measure a second start)')
  .option('--no-write', 'print the figures without writing bench/RESULTS.md')
  .option('--show-output', "print what sanity dev said (Vite's dependency optimisation)")
  .option('--lake-port <port>', 'the local Content Lake for the measurement', '3920')
  .option('--studio-port <port>', 'sanity dev for the measurement', '3921')
  .parse()
const cli = program.opts<{
  warm?: boolean
  write: boolean
  showOutput?: boolean
  lakePort: string
  studioPort: string
}>()

const ports = {
  lakePort: Number(cli.lakePort),
  studioPort: Number(cli.studioPort),
  showOutput: Boolean(cli.showOutput),
}
const measurements = [await measure({...ports, warm: Boolean(cli.warm)})]
// After a cold start, the second start of the same clone: the cache is warm now.
if (!cli.warm) measurements.push(await measure({...ports, warm: true}))
console.log(JSON.stringify(measurements, null, 2))
if (cli.write) writeResults(measurements)
