import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {request} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {serveDirectory, type RunningServer} from '../../lib/export/staticServer'

/** A raw GET, so paths like /../ reach the server as written instead of being normalised. */
function get(
  server: RunningServer,
  path: string,
): Promise<{status: number; type: string; body: string}> {
  const {hostname, port} = new URL(server.url)
  return new Promise((resolve, reject) => {
    request({hostname, port, path, method: 'GET'}, (response) => {
      let body = ''
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers['content-type']),
          body,
        }),
      )
    })
      .on('error', reject)
      .end()
  })
}

describe('static server for the exported site', () => {
  let server: RunningServer
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'served-'))
    mkdirSync(join(root, 'site/career'), {recursive: true})
    writeFileSync(join(root, 'site/career/index.html'), '<h1>Jobs</h1>')
    writeFileSync(join(root, 'site/feed.json'), '{}')
    writeFileSync(join(root, 'secret.txt'), 'outside the site')
    server = await serveDirectory(join(root, 'site'))
  })
  afterAll(() => server.close())

  it('serves files with their type and directories through index.html', async () => {
    expect(await get(server, '/career/')).toEqual({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: '<h1>Jobs</h1>',
    })
    expect((await get(server, '/feed.json')).type).toBe('application/json; charset=utf-8')
  })

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/career/..%2f..%2fsecret.txt', '/%E0%A4%A'])(
    'never serves a file outside the site folder: %s',
    async (path) => {
      const response = await get(server, path)
      expect(response.status).toBe(404)
      expect(response.body).not.toContain('outside the site')
    },
  )
})
