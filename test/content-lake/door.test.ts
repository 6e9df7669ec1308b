/**
 * Who gets through the local Content Lake's door, request by request, with the headers a browser
 * (or a page attacking localhost) sends. The browser tests (test/e2e/attack.e2e.test.ts) run the
 * same attacks from a real foreign page.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {isLoopbackHost, type RunningContentLake} from '../../lib/content-lake/server'
import {readDatasetSync} from '../../lib/storage'
import {SEED_DOCUMENTS, TEAM, toNdjson} from './fixtures'
import {clientFor, rawRequest, startLake, temporaryDirectory} from './helpers'

const STUDIO = 'http://localhost:3333'
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
const SCRIPTED_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>fetch("/v1/data/query/production?query=*")</script></svg>'

let directory: Awaited<ReturnType<typeof temporaryDirectory>>
let datasetFile: string
let lake: RunningContentLake

const query = '/v2025-02-19/data/query/production?query=*%5B_type%3D%3D%22team%22%5D.name'
const mutate = '/v2025-02-19/data/mutate/production'
const createTeam = (id: string) =>
  JSON.stringify({mutations: [{create: {_id: id, _type: 'team', name: 'Planted'}}]})

const storedIds = () => new Set(readDatasetSync(datasetFile).documents.keys())

beforeAll(async () => {
  directory = await temporaryDirectory()
  datasetFile = join(directory.path, 'production.ndjson')
  await writeFile(datasetFile, toNdjson(SEED_DOCUMENTS))
  lake = await startLake(datasetFile, {
    studioOrigins: [STUDIO],
    allowedHosts: ['cms.internal', '.dev.test'],
  })
})

afterAll(async () => {
  await lake.close()
  await directory.remove()
})

describe('the Host header', () => {
  it.each([
    'localhost',
    '127.0.0.1',
    '[::1]',
    'local.localhost',
    'listener-7.local.localhost',
    'cms.internal',
    'a.dev.test',
  ])('answers %s', async (host) => {
    const {port} = new URL(lake.url)
    const answer = await rawRequest(lake.url, query, {headers: {host: `${host}:${port}`}})
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.text).result).toEqual([TEAM.name])
  })

  it.each([
    'evil.example',
    '127.0.0.1.evil.example',
    'localhost.evil.example',
    'cms.internal.evil.example',
    '192.168.1.10',
  ])('refuses %s, as a DNS-rebinding page would send it, for reading and writing', async (host) => {
    const {port} = new URL(lake.url)
    const headers = {host: host ? `${host}:${port}` : ''}
    const read = await rawRequest(lake.url, query, {headers})
    expect(read.status).toBe(403)
    expect(read.text).not.toContain(TEAM.name)
    const write = await rawRequest(lake.url, mutate, {
      method: 'POST',
      headers: {...headers, 'content-type': 'application/json'},
      body: createTeam('team-rebound'),
    })
    expect(write.status).toBe(403)
    expect(storedIds()).not.toContain('team-rebound')
  })

  it('takes only real loopback names as loopback', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true)
    expect(isLoopbackHost('127.0.0.1.evil.example')).toBe(false)
    expect(isLoopbackHost('127.evil.example')).toBe(false)
  })
})

describe('origins', () => {
  it('gives the configured Studio CORS headers, exactly its own origin', async () => {
    const answer = await rawRequest(lake.url, query, {headers: {origin: STUDIO}})
    expect(answer.status).toBe(200)
    expect(answer.headers['access-control-allow-origin']).toBe(STUDIO)
    expect(answer.headers['access-control-allow-credentials']).toBe('true')
    const preflight = await rawRequest(lake.url, mutate, {
      method: 'OPTIONS',
      headers: {
        origin: STUDIO,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe(STUDIO)
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type')
  })

  it.each([
    'http://evil.example',
    'http://127.0.0.1.evil.example:3333',
    'http://localhost:3334',
    'http://localhost:3333.evil.example',
    'null',
  ])('answers nothing to %s, not even a preflight', async (origin) => {
    for (const method of ['GET', 'OPTIONS']) {
      const answer = await rawRequest(lake.url, query, {
        method,
        headers: {origin, 'access-control-request-method': 'GET'},
      })
      expect(answer.status).toBe(403)
      expect(answer.headers['access-control-allow-origin']).toBeUndefined()
      expect(answer.text).not.toContain(TEAM.name)
    }
    const write = await rawRequest(lake.url, mutate, {
      method: 'POST',
      headers: {origin, 'content-type': 'application/json'},
      body: createTeam('team-cross-origin'),
    })
    expect(write.status).toBe(403)
    expect(storedIds()).not.toContain('team-cross-origin')
  })

  it('refuses no-cors requests from another site, which carry no Origin but fetch metadata', async () => {
    const answer = await rawRequest(lake.url, query, {
      headers: {
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'no-cors',
        'sec-fetch-dest': 'script',
      },
    })
    expect(answer.status).toBe(403)
    expect(answer.text).not.toContain(TEAM.name)
  })
})

describe('writes', () => {
  it.each([
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    '',
  ])('are refused as %s, what a page may send without a preflight', async (contentType) => {
    const id = `team-${contentType.replace(/\W/g, '') || 'untyped'}`
    const answer = await rawRequest(lake.url, mutate, {
      method: 'POST',
      headers: contentType ? {'content-type': contentType} : {},
      body: createTeam(id),
    })
    expect(answer.status).toBe(415)
    expect(storedIds()).not.toContain(id)
  })

  it('are taken as application/json from the Studio, and from programs (no Origin)', async () => {
    for (const [id, headers] of [
      ['team-from-studio', {origin: STUDIO}],
      ['team-from-script', {}],
    ] as const) {
      const answer = await rawRequest(lake.url, mutate, {
        method: 'POST',
        headers: {...headers, 'content-type': 'application/json'},
        body: createTeam(id),
      })
      expect(answer.status).toBe(200)
      expect(storedIds()).toContain(id)
    }
  })

  it('refuse uploads as forms and from other origins', async () => {
    const upload = '/v2025-02-19/assets/images/production'
    const asForm = await rawRequest(lake.url, upload, {
      method: 'POST',
      headers: {'content-type': 'multipart/form-data; boundary=x'},
      body: ONE_PIXEL_PNG,
    })
    expect(asForm.status).toBe(415)
    const fromElsewhere = await rawRequest(lake.url, upload, {
      method: 'POST',
      headers: {origin: 'http://evil.example', 'content-type': 'image/png'},
      body: ONE_PIXEL_PNG,
    })
    expect(fromElsewhere.status).toBe(403)
    expect([...storedIds()].some((id) => id.startsWith('image-'))).toBe(false)
  })
})

describe('uploaded files', () => {
  it('are served sandboxed and unsniffable; only raster images in place, SVG as a download', async () => {
    const client = clientFor(lake.url)
    const png = await client.assets.upload('image', ONE_PIXEL_PNG, {filename: 'pixel.png'})
    const svg = await client.assets.upload('image', Buffer.from(SCRIPTED_SVG), {
      filename: 'logo.svg',
      contentType: 'image/svg+xml',
    })
    const html = await client.assets.upload('file', Buffer.from('<script>alert(1)</script>'), {
      filename: 'page.html',
      contentType: 'text/html',
    })
    const served = async (assetUrl: string) => rawRequest(lake.url, new URL(assetUrl).pathname)
    const pngAnswer = await served(png.url)
    expect(pngAnswer.headers['content-type']).toBe('image/png')
    expect(pngAnswer.headers['content-disposition']).toMatch(
      /^inline; filename="[0-9a-f]{40}-1x1\.png"$/,
    )
    for (const answer of [pngAnswer, await served(svg.url), await served(html.url)]) {
      expect(answer.status).toBe(200)
      expect(answer.headers['content-security-policy']).toMatch(/^sandbox;/)
      expect(answer.headers['x-content-type-options']).toBe('nosniff')
    }
    const svgAnswer = await served(svg.url)
    expect(svgAnswer.headers['content-type']).toBe('image/svg+xml')
    expect(svgAnswer.headers['content-disposition']).toMatch(
      /^attachment; filename="[0-9a-f]{40}-10x10\.svg"$/,
    )
    const htmlAnswer = await served(html.url)
    expect(htmlAnswer.headers['content-type']).toBe('application/octet-stream')
    expect(htmlAnswer.headers['content-disposition']).toMatch(
      /^attachment; filename="[0-9a-f]{40}\.html"$/,
    )
  })

  it('are served to the Studio page that shows them in <img>, from another site', async () => {
    const png = await clientFor(lake.url).assets.upload('image', ONE_PIXEL_PNG)
    const answer = await rawRequest(lake.url, new URL(png.url).pathname, {
      headers: {
        'sec-fetch-site': 'cross-site',
        'sec-fetch-dest': 'image',
        'sec-fetch-mode': 'no-cors',
      },
    })
    expect(answer.status).toBe(200)
  })
})

describe('the root address', () => {
  it('says what it is, as a page with nothing active in it, or as JSON', async () => {
    const page = await rawRequest(lake.url, '/', {headers: {accept: 'text/html'}})
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
    expect(page.text).toContain('Local Content Lake')
    expect(page.text).not.toContain('<script')
    const json = JSON.parse((await rawRequest(lake.url, '/v1/')).text) as Record<string, unknown>
    expect(json).toMatchObject({
      service: expect.stringContaining('Local Content Lake'),
      dataset: 'production',
    })
  })
})
