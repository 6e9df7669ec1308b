import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {dirname, join} from 'node:path'

import type {Action, Mutation} from '@sanity/client'
import {type DocumentId, isPublishedIdEqual} from '@sanity/id-utils'
import {evaluate} from 'groq-js'

import {
  ADMINISTRATOR_GRANTS,
  LOCAL_USER,
  PROJECT_GRANTS,
  datasetList,
  projectDescription,
  roleList,
} from './account'
import {SANITY_API_VERSION} from '../apiVersion'
import {actionToMutations} from './actions'
import {type AssetKind, contentTypeOf, describeAsset, readAssetFile, storeAssetFile} from './assets'
import {ContentLakeError, badRequest} from './errors'
import {readListenRequest, serveListener} from './listen'
import {documentsInPerspective, parsePerspective} from './perspective'
import {parseQuery} from './query'
import {DocumentStore} from './store'

export interface ContentLakeOptions {
  /** The NDJSON dataset file the store reads and rewrites. */
  datasetFile: string
  projectId: string
  dataset: string
  /** Defaults to 127.0.0.1. Any other address must be allowed with `allowNonLoopback`. */
  host?: string
  /** 0 picks a free port. */
  port: number
  /**
   * The local Content Lake has no authentication: everyone who reaches it is the administrator.
   * It refuses to listen beyond the loopback interface unless this is set on purpose.
   */
  allowNonLoopback?: boolean
}

export interface RunningContentLake {
  server: Server
  store: DocumentStore
  /** Base address, for example http://localhost:3900: what the Studio takes as `apiHost`. */
  url: string
  close(): Promise<void>
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost'])
const MAX_JSON_BYTES = 32 * 1024 * 1024
const MAX_ASSET_BYTES = 64 * 1024 * 1024

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || host.startsWith('127.')
}

/** Browsers send credentials across ports and subdomains of localhost; only those origins may. */
function isLoopbackOrigin(origin: string): boolean {
  try {
    const {hostname} = new URL(origin)
    return isLoopbackHost(hostname) || hostname.endsWith('.localhost')
  } catch {
    return false
  }
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limit)
      throw new ContentLakeError(413, 'payloadTooLarge', `The request body is over ${limit} bytes.`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

async function readJson<T>(request: IncomingMessage): Promise<T> {
  const body = await readBody(request, MAX_JSON_BYTES)
  try {
    return JSON.parse(body.toString('utf8')) as T
  } catch (error) {
    throw badRequest(`The request body is not JSON: ${(error as Error).message}`)
  }
}

/** Query parameters arrive as `$name=<JSON>` in the URL (see encodeQueryString in @sanity/client). */
function readQueryParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(value)
    } catch {
      throw badRequest(`Query parameter "${key}" is not JSON.`)
    }
  }
  return params
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {'Content-Type': 'application/json; charset=utf-8'})
  response.end(JSON.stringify(body))
}

/**
 * A Content Lake for development and tests, answering the HTTP API the Studio and @sanity/client
 * use: account and project descriptions, query, doc, mutate, actions, listen and asset upload, over
 * one dataset kept in an NDJSON file. It is not the real service: one user, no authentication,
 * loopback only.
 */
export async function startContentLake(options: ContentLakeOptions): Promise<RunningContentLake> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopbackHost(host) && !options.allowNonLoopback) {
    throw new Error(
      `The local Content Lake has no authentication and only listens on the loopback interface; "${host}" is not loopback. Set allowNonLoopback (--allow-non-loopback) if you really mean it.`,
    )
  }
  const store = await DocumentStore.open(options.datasetFile)
  const assetDirectory = join(dirname(options.datasetFile), 'assets')
  const keyValues = new Map<string, unknown>()
  const startedAt = new Date().toISOString()
  let origin = ''

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    // Versioned API paths start with /v2025-02-19 or /v1; asset files are served unversioned.
    const versionMatch = /^\/v(\d{4}-\d{2}-\d{2}|\d+|X)(\/.*)$/.exec(url.pathname)
    const apiVersion = versionMatch?.[1] ?? '1'
    const path = versionMatch?.[2] ?? url.pathname
    const method = request.method ?? 'GET'
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent)
    const route = `${method} /${segments.join('/')}`

    const requireDataset = (name: string | undefined) => {
      if (name !== options.dataset) {
        throw new ContentLakeError(
          404,
          'notFound',
          `Dataset "${name}" not found: this server has "${options.dataset}".`,
        )
      }
    }
    const requireProject = (id: string | undefined) => {
      if (id !== options.projectId) {
        throw new ContentLakeError(
          404,
          'notFound',
          `Project "${id}" not found: this server has "${options.projectId}".`,
        )
      }
    }

    const [first, second, third, fourth, fifth] = segments
    if (method === 'GET' && (first === 'ping' || (first === 'data' && second === 'ping'))) {
      response.writeHead(200, {'Content-Type': 'text/plain'}).end('PONG')
      return
    }
    if (route === 'GET /') {
      // What opening the address `npm start` prints shows: what this server is, not a 404.
      response
        .writeHead(200, {'Content-Type': 'text/plain; charset=utf-8'})
        .end(
          `Local Content Lake (development and tests only): project "${options.projectId}", dataset "${options.dataset}".\n` +
            `The Studio edits through it. A query: ${origin}/v${SANITY_API_VERSION}/data/query/${options.dataset}?query=count(*)\n`,
        )
      return
    }
    if (route === 'GET /users/me') return sendJson(response, 200, LOCAL_USER)
    if (route === 'GET /auth/id') return sendJson(response, 200, {id: LOCAL_USER.id})
    if (
      method === 'GET' &&
      first === 'users' &&
      second === 'me' &&
      third === 'keyvalue' &&
      fourth
    ) {
      return sendJson(
        response,
        200,
        fourth.split(',').map((key) => ({key, value: keyValues.get(key) ?? null})),
      )
    }
    if (route === 'PUT /users/me/keyvalue') {
      const pairs = await readJson<{key: string; value: unknown}[]>(request)
      if (!Array.isArray(pairs)) throw badRequest('Send a list of {key, value} pairs.')
      for (const {key, value} of pairs) keyValues.set(key, value)
      return sendJson(response, 200, pairs)
    }
    if (route === 'GET /features') return sendJson(response, 200, [])
    // Nothing is sent anywhere from the local server, so telemetry consent is always denied.
    if (route === 'GET /intake/telemetry-status') return sendJson(response, 200, {status: 'denied'})
    // Journeys are Sanity's product announcements, trials and upsells: there are none locally.
    if (route === 'GET /journey/announcements') return sendJson(response, 200, [])
    if (method === 'GET' && first === 'journey') return sendJson(response, 200, null)
    if (method === 'GET' && first === 'schedules') {
      requireProject(second)
      requireDataset(third)
      return sendJson(response, 200, {schedules: []})
    }
    if (first === 'projects' && method === 'GET') {
      requireProject(second)
      if (segments.length === 2)
        return sendJson(response, 200, projectDescription(options.projectId, startedAt))
      if (third === 'datasets' && segments.length === 3)
        return sendJson(response, 200, datasetList(options.dataset))
      if (third === 'datasets' && fifth === 'acl' && segments.length === 5) {
        requireDataset(fourth)
        return sendJson(response, 200, ADMINISTRATOR_GRANTS)
      }
      if (third === 'grants') return sendJson(response, 200, PROJECT_GRANTS)
      if (third === 'roles') return sendJson(response, 200, roleList(options.projectId))
      if (third === 'user-applications' && segments.length === 3) return sendJson(response, 200, [])
    }

    if (first === 'data' && second && second !== 'ping') {
      requireDataset(third)
      const identity = LOCAL_USER.id
      if (second === 'query' && (method === 'GET' || method === 'POST')) {
        const started = performance.now()
        const body =
          method === 'POST'
            ? await readJson<{query?: string; params?: Record<string, unknown>}>(request)
            : undefined
        const query = body?.query ?? url.searchParams.get('query')
        if (!query) throw badRequest('Give a GROQ query in "query".')
        const params = body?.params ?? readQueryParams(url.searchParams)
        const perspective = parsePerspective(url.searchParams.get('perspective'), apiVersion)
        const tree = parseQuery(query, params)
        const dataset = documentsInPerspective(store.all(), perspective)
        const result = await (await evaluate(tree, {dataset, params, identity})).get()
        return sendJson(response, 200, {query, result, ms: Math.round(performance.now() - started)})
      }
      if (second === 'doc' && method === 'GET') {
        const ids = (fourth ?? '').split(',').filter(Boolean)
        const excludeContent = url.searchParams.get('excludeContent') === 'true'
        const includeAllVersions = url.searchParams.get('includeAllVersions') === 'true'
        const documents = ids.flatMap((id) => {
          const matches = includeAllVersions
            ? [...store.all()].filter((document) =>
                isPublishedIdEqual(document._id as DocumentId, id as DocumentId),
              )
            : [store.get(id)].filter((document) => document !== undefined)
          return excludeContent ? matches.map(({_id}) => ({_id})) : matches
        })
        const found = new Set(documents.map(({_id}) => _id))
        const omitted = ids.filter((id) => !found.has(id)).map((id) => ({id, reason: 'existence'}))
        return sendJson(response, 200, {documents, omitted})
      }
      if (second === 'mutate' && method === 'POST') {
        const body = await readJson<{mutations?: Mutation[]; transactionId?: string}>(request)
        if (!Array.isArray(body.mutations)) throw badRequest('Send {"mutations": [...]}.')
        if (url.searchParams.get('dryRun') === 'true')
          throw badRequest('The local Content Lake does not do dry runs.')
        const mutations = body.mutations
        const {transactionId, results} = await store.transact(
          (transaction) => transaction.add(mutations),
          {
            identity,
            transactionId: body.transactionId,
          },
        )
        const returnDocuments = url.searchParams.get('returnDocuments') === 'true'
        return sendJson(response, 200, {
          transactionId,
          results: results.map((result) => ({
            ...result,
            ...(returnDocuments && result.operation !== 'delete'
              ? {document: store.get(result.id)}
              : {}),
          })),
        })
      }
      if (second === 'actions' && method === 'POST') {
        const body = await readJson<{actions?: Action[]; transactionId?: string; dryRun?: boolean}>(
          request,
        )
        if (!Array.isArray(body.actions)) throw badRequest('Send {"actions": [...]}.')
        if (body.dryRun) throw badRequest('The local Content Lake does not do dry runs.')
        const actions = body.actions
        const {transactionId} = await store.transact(
          async (transaction) => {
            for (const action of actions)
              await transaction.add(actionToMutations(action, transaction.lookup))
          },
          {identity, transactionId: body.transactionId},
        )
        return sendJson(response, 200, {transactionId})
      }
      // The local server keeps no history: the Studio's history panel shows no past edits.
      if (second === 'history' && fourth === 'events' && method === 'GET') {
        return sendJson(response, 200, {events: {}, nextCursor: null})
      }
      if (second === 'history' && fourth === 'transactions' && method === 'GET') {
        response.writeHead(200, {'Content-Type': 'application/x-ndjson'}).end('')
        return
      }
      if (second === 'listen' && method === 'GET') {
        const listen = readListenRequest(url.searchParams, readQueryParams(url.searchParams))
        parseQuery(listen.query, listen.params)
        return serveListener(request, response, store, listen)
      }
    }

    if (first === 'assets' && method === 'POST' && (second === 'images' || second === 'files')) {
      requireDataset(third)
      const content = await readBody(request, MAX_ASSET_BYTES)
      if (content.length === 0) throw badRequest('The upload is empty.')
      const {document, fileName} = describeAsset(
        second as AssetKind,
        content,
        url.searchParams.get('filename') ?? undefined,
        request.headers['content-type'],
        {directory: assetDirectory, origin, projectId: options.projectId, dataset: options.dataset},
      )
      const existing = store.get(document._id)
      if (existing) return sendJson(response, 200, {document: existing})
      await storeAssetFile(join(assetDirectory, second), fileName, content)
      await store.transact((transaction) => transaction.add([{createIfNotExists: document}]), {
        identity: LOCAL_USER.id,
      })
      return sendJson(response, 200, {document: store.get(document._id)})
    }
    if (
      method === 'GET' &&
      (first === 'images' || first === 'files') &&
      second === options.projectId
    ) {
      requireDataset(third)
      const content = fourth ? await readAssetFile(join(assetDirectory, first), fourth) : null
      if (!content) throw new ContentLakeError(404, 'notFound', `No asset file "${fourth}".`)
      response.writeHead(200, {
        'Content-Type': contentTypeOf(fourth ?? ''),
        'Cache-Control': 'max-age=31536000, immutable',
      })
      response.end(content)
      return
    }
    throw new ContentLakeError(
      404,
      'notFound',
      `The local Content Lake does not serve ${route}: it answers what the Studio needs to edit one dataset.`,
    )
  }

  const server = createServer((request, response) => {
    const requestOrigin = request.headers.origin
    if (requestOrigin && isLoopbackOrigin(requestOrigin)) {
      response.setHeader('Access-Control-Allow-Origin', requestOrigin)
      response.setHeader('Access-Control-Allow-Credentials', 'true')
      response.setHeader('Vary', 'Origin')
    }
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
      response.setHeader(
        'Access-Control-Allow-Headers',
        request.headers['access-control-request-headers'] ?? '*',
      )
      response.setHeader('Access-Control-Max-Age', '600')
      response.writeHead(204).end()
      return
    }
    handle(request, response).catch((error: unknown) => {
      const failure =
        error instanceof ContentLakeError
          ? error
          : new ContentLakeError(
              500,
              'serverError',
              `The local Content Lake failed: ${(error as Error).message}`,
            )
      if (failure.statusCode >= 500) console.error(error)
      if (response.headersSent) response.end()
      else sendJson(response, failure.statusCode, failure.toBody())
    })
  })
  // The Studio's realtime socket (presence) is refused: the upgrade is closed and the Studio
  // carries on without showing who else is editing.
  server.on('upgrade', (_request, socket) => socket.destroy())

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => resolve())
  })
  const {port} = server.address() as AddressInfo
  origin = `http://localhost:${port}`
  return {
    server,
    store,
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
