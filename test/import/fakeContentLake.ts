import {createServer, type IncomingMessage, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

/** What the next mutate request gets: a normal answer or one of the faults a real network has. */
export type Fault =
  'ok' | '429' | '503' | 'drop-before-commit' | 'drop-after-commit' | 'slow-after-commit'

/**
 * A Content Lake that speaks just enough of the HTTP API for the import (`POST /vX/data/mutate`,
 * `GET /vX/data/doc`, `GET /vX/data/history/…/transactions`), and misbehaves on cue. Like the
 * real one it refuses a transaction id it has seen. It records how often each document was written.
 */
export class FakeContentLake {
  readonly documents = new Map<string, Record<string, unknown>>()
  readonly writes = new Map<string, number>()
  readonly transactions: {id: string; timestamp: string; documentIDs: string[]}[] = []
  readonly seenAuthorization = new Set<string>()
  mutateRequests = 0
  private server: Server | undefined

  constructor(
    private readonly token: string,
    private readonly faults: Fault[],
    private readonly slowMs = 4_000,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(
        (answer) => {
          if (answer === 'drop') {
            request.socket.destroy()
            return
          }
          const send = () => {
            response.writeHead(answer.status, {
              'content-type': answer.ndjson ? 'application/x-ndjson' : 'application/json',
              ...answer.headers,
            })
            response.end(answer.ndjson ? String(answer.body) : JSON.stringify(answer.body))
          }
          if (answer.delayMs) setTimeout(send, answer.delayMs)
          else send()
        },
        () => request.socket.destroy(),
      )
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  private async handle(request: IncomingMessage): Promise<Answer | 'drop'> {
    this.seenAuthorization.add(request.headers.authorization ?? '')
    if (request.headers.authorization !== `Bearer ${this.token}`) {
      return {status: 401, body: {error: 'Unauthorized', message: 'Session not found'}}
    }
    const url = new URL(request.url ?? '/', 'http://localhost')
    const doc = /^\/v[\w-]+\/data\/doc\/[\w-]+\/(.+)$/.exec(url.pathname)
    if (request.method === 'GET' && doc?.[1]) {
      const ids = decodeURIComponent(doc[1]).split(',')
      return {
        status: 200,
        body: {documents: ids.map((id) => this.documents.get(id)).filter(Boolean)},
      }
    }
    const history = /^\/v[\w-]+\/data\/history\/[\w-]+\/transactions\/(.+)$/.exec(url.pathname)
    if (request.method === 'GET' && history?.[1]) {
      const ids = new Set(decodeURIComponent(history[1]).split(','))
      const lines = this.transactions
        .filter((transaction) => transaction.documentIDs.some((id) => ids.has(id)))
        .map((transaction) => JSON.stringify(transaction))
      return {status: 200, body: lines.join('\n'), ndjson: true}
    }
    if (request.method !== 'POST' || !/^\/v[\w-]+\/data\/mutate\/[\w-]+$/.test(url.pathname)) {
      return {status: 404, body: {error: 'Not found'}}
    }
    const body = JSON.parse(await readBody(request)) as {
      mutations: {createOrReplace?: Record<string, unknown>}[]
      transactionId?: string
    }
    const fault = this.faults[this.mutateRequests++] ?? 'ok'
    if (fault === '429')
      return {status: 429, headers: {'retry-after': '0'}, body: {error: 'Too Many Requests'}}
    if (fault === '503') return {status: 503, body: {error: 'Service Unavailable'}}
    if (fault === 'drop-before-commit') return 'drop'
    const transactionId = body.transactionId ?? `tx${this.mutateRequests}`
    if (this.transactions.some((transaction) => transaction.id === transactionId))
      return {
        status: 409,
        body: {error: {type: 'mutationError', description: 'Transaction ID already used'}},
      }
    this.transactions.push({
      id: transactionId,
      timestamp: new Date().toISOString(),
      documentIDs: body.mutations.map((mutation) => String(mutation.createOrReplace?._id)),
    })
    for (const mutation of body.mutations) {
      const document = mutation.createOrReplace
      if (!document) return {status: 400, body: {error: 'Only createOrReplace is expected'}}
      const id = String(document._id)
      this.documents.set(id, {...document, _rev: transactionId})
      this.writes.set(id, (this.writes.get(id) ?? 0) + 1)
    }
    if (fault === 'drop-after-commit') return 'drop'
    const answer = {
      status: 200,
      body: {
        transactionId,
        results: body.mutations.map((mutation) => ({
          id: mutation.createOrReplace?._id,
          operation: 'update',
        })),
      },
    }
    return fault === 'slow-after-commit' ? {...answer, delayMs: this.slowMs} : answer
  }
}

interface Answer {
  status: number
  ndjson?: boolean
  headers?: Record<string, string>
  body: unknown
  delayMs?: number
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (text += chunk))
    request.on('end', () => resolve(text))
    request.on('error', reject)
  })
}
