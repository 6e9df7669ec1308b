import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {dirname, join} from 'node:path'

import type {Action} from '@sanity/client'
import {type DocumentId, isPublishedIdEqual} from '@sanity/id-utils'

import {
  ADMINISTRATOR_GRANTS,
  LOCAL_USER,
  PROJECT_GRANTS,
  datasetList,
  projectDescription,
  roleList,
} from './account'
import {actionToMutations} from './actions'
import {type AssetKind, assetHeaders, describeAsset, readAssetFile, storeAssetFile} from './assets'
import {Door, isLoopbackName} from './door'
import {ContentLakeError, badRequest, serverFailure} from './errors'
import {
  MAX_ASSET_BYTES,
  readBody,
  readJsonObject,
  readQueryParams,
  sendJson,
  sendJsonText,
  sendNdjson,
} from './http'
import {KeyValueStore} from './keyValues'
import {readListenRequest, serveListener} from './listen'
import {parsePerspective, type Perspective} from './perspective'
import {parseQuery} from './query'
import {QueryPool} from './queryPool'
import {sendRootPage} from './rootPage'
import {DocumentStore} from './store'

export interface ContentLakeOptions {
  /** The NDJSON dataset file: the snapshot, with its transaction log beside it (lib/storage). */
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
  /**
   * The Studio origins allowed to use the API from a browser, matched exactly (default: `sanity
   * dev` on its usual port, http://localhost:3333 and http://127.0.0.1:3333).
   */
  studioOrigins?: readonly string[]
  /** Host names to answer besides localhost, 127.0.0.1 and [::1] (a DNS name for this machine). */
  allowedHosts?: readonly string[]
  /** A query running longer is stopped and answered with a 422 (default 10 s). */
  queryTimeoutMs?: number
  /** Threads that evaluate queries, each with a copy of the dataset (default 2). */
  queryThreads?: number
  /** See StoreOptions.compactAfterBytes. */
  compactAfterBytes?: number
}

export interface RunningContentLake {
  server: Server
  store: DocumentStore
  /** Base address, for example http://localhost:3900: what the Studio takes as `apiHost`. */
  url: string
  /** Resolves once every query thread has loaded the dataset (queries are answered before). */
  queryThreadsReady(): Promise<void>
  close(): Promise<void>
}

export const DEFAULT_STUDIO_ORIGINS = ['http://localhost:3333', 'http://127.0.0.1:3333']

/** Query texts beyond this are not queries someone wrote. */
const MAX_QUERY_CHARACTERS = 100_000

/** Transaction ids as clients choose them: the Studio's random ones, an import's own. */
const TRANSACTION_ID_PATTERN = /^[\w.:~-]{1,200}$/

/** Addresses that reach this machine only. */
export function isLoopbackHost(host: string): boolean {
  return isLoopbackName(host) || host === '::1'
}

function readTransactionId(body: Record<string, unknown>): string | undefined {
  const {transactionId} = body
  if (transactionId === undefined) return undefined
  if (typeof transactionId !== 'string' || !TRANSACTION_ID_PATTERN.test(transactionId))
    throw badRequest('"transactionId" must be 1 to 200 letters, digits or "_.:~-".')
  return transactionId
}

function readPerspective(value: string | null, apiVersion: string): Perspective {
  try {
    return parsePerspective(value, apiVersion)
  } catch (error) {
    throw badRequest((error as Error).message)
  }
}

function splitPath(pathname: string): string[] {
  try {
    return pathname.split('/').filter(Boolean).map(decodeURIComponent)
  } catch {
    throw badRequest('The request path is not valid URL encoding.')
  }
}

/**
 * A Content Lake for development and tests, answering the HTTP API the Studio and @sanity/client
 * use: account and project descriptions, query, doc, mutate, actions, listen, history and asset
 * upload, over one dataset kept in an NDJSON file and its transaction log. It is not the real
 * service: one user, no authentication, loopback only, and a door (./door) that keeps other web
 * pages out.
 */
export async function startContentLake(options: ContentLakeOptions): Promise<RunningContentLake> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopbackHost(host) && !options.allowNonLoopback) {
    throw new Error(
      `The local Content Lake has no authentication and only listens on the loopback interface; "${host}" is not loopback. Set allowNonLoopback (--allow-non-loopback) if you really mean it.`,
    )
  }
  const door = new Door({
    studioOrigins: options.studioOrigins ?? DEFAULT_STUDIO_ORIGINS,
    allowedHosts: options.allowedHosts,
  })
  // The query threads read the dataset while this thread does: a restart takes one load, not two.
  const queries = new QueryPool({
    datasetFile: options.datasetFile,
    threads: options.queryThreads,
    timeoutMs: options.queryTimeoutMs,
  })
  queries.start()
  let store: DocumentStore
  try {
    store = await DocumentStore.open(options.datasetFile, {
      compactAfterBytes: options.compactAfterBytes,
    })
  } catch (error) {
    await queries.close()
    throw error
  }
  store.useSelector(({query, params}, overlay) => queries.select({query, params, overlay}))
  store.subscribe(({seq, changes}) =>
    queries.commit(
      seq,
      changes.flatMap(({next}) => (next ? [next] : [])),
      changes.filter(({next}) => !next).map(({id}) => id),
    ),
  )
  const assetDirectory = join(dirname(options.datasetFile), 'assets')
  const keyValues = new KeyValueStore()
  const startedAt = new Date().toISOString()
  let origin = ''

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

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    // Versioned API paths start with /v2025-02-19 or /v1; asset files are served unversioned.
    const versionMatch = /^\/v(\d{4}-\d{2}-\d{2}|\d+|X)(\/.*)?$/.exec(url.pathname)
    const apiVersion = versionMatch?.[1] ?? '1'
    const path = versionMatch ? (versionMatch[2] ?? '/') : url.pathname
    const method = request.method ?? 'GET'
    const segments = splitPath(path)
    const route = `${method} /${segments.join('/')}`
    const [first, second, third, fourth, fifth] = segments

    const isUpload = first === 'assets' && method === 'POST'
    const isPublic =
      segments.length === 0 || ((first === 'images' || first === 'files') && method === 'GET')
    const refused = door.check(request, {body: isUpload ? 'upload' : 'json', public: isPublic})
    for (const [name, value] of Object.entries(door.corsHeaders(request)))
      response.setHeader(name, value)
    if (refused) throw refused
    if (method === 'OPTIONS') {
      response.writeHead(204).end()
      return
    }

    if (segments.length === 0 && method === 'GET') {
      return sendRootPage(request, response, {
        service: 'Local Content Lake (careers CMS)',
        projectId: options.projectId,
        dataset: options.dataset,
        apiHost: origin,
        studioOrigins: door.studioOrigins,
      })
    }
    if (method === 'GET' && (first === 'ping' || (first === 'data' && second === 'ping'))) {
      response.writeHead(200, {'Content-Type': 'text/plain'}).end('PONG')
      return
    }
    if (route === 'GET /users/me') return sendJson(response, 200, LOCAL_USER)
    if (route === 'GET /auth/id') return sendJson(response, 200, {id: LOCAL_USER.id})
    if (method === 'GET' && first === 'users' && second === 'me' && third === 'keyvalue') {
      return sendJson(response, 200, keyValues.get((fourth ?? '').split(',').filter(Boolean)))
    }
    if (route === 'PUT /users/me/keyvalue') {
      const body = await readBody(request, 1024 * 1024)
      let pairs: unknown
      try {
        pairs = JSON.parse(body.toString('utf8'))
      } catch {
        throw badRequest('Send a JSON list of {"key", "value"} pairs.')
      }
      return sendJson(response, 200, keyValues.set(pairs))
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
            ? await readJsonObject(request, '{"query": "<GROQ>", "params": {…}}')
            : undefined
        const query = body ? body.query : url.searchParams.get('query')
        if (typeof query !== 'string' || query.trim() === '')
          throw badRequest('Give a GROQ query in "query".')
        if (query.length > MAX_QUERY_CHARACTERS)
          throw badRequest(`The query is over ${MAX_QUERY_CHARACTERS} characters long.`)
        const params = body?.params ?? readQueryParams(url.searchParams)
        if (typeof params !== 'object' || params === null || Array.isArray(params))
          throw badRequest('"params" must be an object.')
        const perspective = readPerspective(url.searchParams.get('perspective'), apiVersion)
        const result = await queries.query({
          query,
          params: params as Record<string, unknown>,
          perspective,
          identity,
        })
        return sendJsonText(
          response,
          200,
          Buffer.concat([
            Buffer.from(`{"query":${JSON.stringify(query)},"result":`),
            result,
            Buffer.from(`,"ms":${Math.round(performance.now() - started)}}`),
          ]),
        )
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
        const body = await readJsonObject(request, '{"mutations": [...]}')
        if (!Array.isArray(body.mutations) || body.mutations.length === 0)
          throw badRequest('Send {"mutations": [...]} with at least one mutation.')
        if (url.searchParams.get('dryRun') === 'true' || body.dryRun === true)
          throw badRequest('The local Content Lake does not do dry runs.')
        const mutations = body.mutations as unknown[]
        const {transactionId, results} = await store.transact(
          (transaction) => transaction.add(mutations),
          {identity, transactionId: readTransactionId(body)},
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
        const body = await readJsonObject(request, '{"actions": [...]}')
        if (!Array.isArray(body.actions) || body.actions.length === 0)
          throw badRequest('Send {"actions": [...]} with at least one action.')
        if (body.dryRun) throw badRequest('The local Content Lake does not do dry runs.')
        const actions = body.actions as unknown[]
        const {transactionId} = await store.transact(
          async (transaction) => {
            for (const [index, action] of actions.entries())
              await transaction.add(
                actionToMutations(action as Action, transaction.lookup, index),
                {
                  kind: 'action',
                  index,
                },
              )
          },
          {identity, transactionId: readTransactionId(body)},
        )
        return sendJson(response, 200, {transactionId})
      }
      if (second === 'history' && fourth === 'events' && method === 'GET') {
        return sendJson(response, 200, {events: {}, nextCursor: null})
      }
      if (second === 'history' && fourth === 'transactions' && method === 'GET') {
        // The log keeps what transactions did, not their mendoza effects: the Studio's history
        // panel, which asks for effects, gets an empty history as before.
        if (url.searchParams.has('effectFormat')) return sendNdjson(response, [])
        const limit = url.searchParams.get('limit')
        return sendNdjson(
          response,
          store.transactionsFor((fifth ?? '').split(',').filter(Boolean), {
            fromTime: url.searchParams.get('fromTime') ?? undefined,
            toTime: url.searchParams.get('toTime') ?? undefined,
            reverse: url.searchParams.get('reverse') === 'true',
            limit: limit === null ? undefined : Math.max(0, Number(limit) || 0),
          }),
        )
      }
      if (second === 'listen' && method === 'GET') {
        const listen = readListenRequest(url.searchParams, readQueryParams(url.searchParams))
        if (listen.query.length > MAX_QUERY_CHARACTERS)
          throw badRequest(`The query is over ${MAX_QUERY_CHARACTERS} characters long.`)
        parseQuery(listen.query, listen.params)
        return serveListener(request, response, store, listen)
      }
    }

    if (isUpload && (second === 'images' || second === 'files')) {
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
      storeAssetFile(join(assetDirectory, second), fileName, content)
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
      if (!content || !fourth)
        throw new ContentLakeError(404, 'notFound', `No asset file "${fourth ?? ''}".`)
      response.writeHead(200, assetHeaders(fourth))
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
    handle(request, response).catch((error: unknown) => {
      const failure = error instanceof ContentLakeError ? error : serverFailure()
      if (!(error instanceof ContentLakeError)) console.error(error)
      // A body left unread (refused before it was read) cannot be skipped: end the connection.
      if (!request.complete) response.setHeader('Connection', 'close')
      if (response.headersSent) response.end()
      else sendJson(response, failure.statusCode, failure.toBody())
    })
  })
  // The Studio's realtime socket (presence) is refused: the upgrade is closed and the Studio
  // carries on without showing who else is editing.
  server.on('upgrade', (_request, socket) => socket.destroy())

  try {
    await queries.ready()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port, host, () => resolve())
    })
  } catch (error) {
    await queries.close()
    await store.close()
    throw error
  }
  const {port} = server.address() as AddressInfo
  origin = `http://localhost:${port}`
  return {
    server,
    store,
    url: origin,
    queryThreadsReady: () => queries.allReady(),
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      })
      await queries.close()
      await store.close()
    },
  }
}
