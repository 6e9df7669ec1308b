import {createReadStream} from 'node:fs'
import {stat} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {extname, join, resolve, sep} from 'node:path'

/**
 * A small static file server for the exported site on localhost. Written here rather than
 * adding a server package: the export writes a handful of file types, and the whole job is
 * "map a path to a file inside one folder" (no range requests, caching or compression needed).
 */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
}

export interface RunningServer {
  url: string
  close(): Promise<void>
}

export async function serveDirectory(
  root: string,
  options: {host?: string; port?: number} = {},
): Promise<RunningServer> {
  const base = resolve(root)
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodePath(new URL(request.url ?? '/', 'http://localhost').pathname)
      const file = path === undefined ? undefined : await findFile(base, path)
      if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response.writeHead(file ? 405 : 404, {'content-type': 'text/plain; charset=utf-8'})
        response.end(file ? 'Method not allowed' : 'Not found')
        return
      }
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
      })
      if (request.method === 'HEAD') response.end()
      else createReadStream(file).pipe(response)
    })()
  })
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolveListen)
  })
  const {address, port} = server.address() as AddressInfo
  return {
    url: `http://${address}:${port}/`,
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  }
}

function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return undefined
  }
}

/** The file for a URL path, never outside `base`; directories serve their index.html. */
async function findFile(base: string, urlPath: string): Promise<string | undefined> {
  const candidate = resolve(join(base, urlPath))
  if (candidate !== base && !candidate.startsWith(base + sep)) return undefined
  for (const file of [candidate, join(candidate, 'index.html')]) {
    const stats = await stat(file).catch(() => undefined)
    if (stats?.isFile()) return file
  }
  return undefined
}
