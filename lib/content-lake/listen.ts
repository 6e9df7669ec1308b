import type {IncomingMessage, ServerResponse} from 'node:http'

import type {MutationEvent, SanityDocument} from '@sanity/client'
import {type DocumentId, isVersionId} from '@sanity/id-utils'
import {evaluate} from 'groq-js'

import {parseQuery} from './query'
import type {CommittedTransaction, DocumentStore} from './store'
import type {DocumentChange} from './transaction'

/** A comment line keeps idle connections from being closed by proxies and browsers. */
const HEARTBEAT_MS = 25_000

export interface ListenRequest {
  query: string
  params: Record<string, unknown>
  includeResult: boolean
  includePreviousRevision: boolean
  includeMutations: boolean
  includeAllVersions: boolean
  mendozaEffects: boolean
  visibility: 'query' | 'transaction'
}

/** Reads the options `client.listen()` sends (see `possibleOptions` in @sanity/client). */
export function readListenRequest(
  search: URLSearchParams,
  params: Record<string, unknown>,
): ListenRequest {
  const flag = (name: string, fallback: boolean) => {
    const value = search.get(name)
    return value === null ? fallback : value === 'true'
  }
  return {
    query: search.get('query') ?? '',
    params,
    includeResult: flag('includeResult', true),
    includePreviousRevision: flag('includePreviousRevision', false),
    includeMutations: flag('includeMutations', true),
    includeAllVersions: flag('includeAllVersions', false),
    mendozaEffects: search.get('effectFormat') === 'mendoza',
    visibility: search.get('visibility') === 'transaction' ? 'transaction' : 'query',
  }
}

function withoutRevision(document: SanityDocument | null): Omit<SanityDocument, '_rev'> | null {
  if (!document) return null
  const {_rev: _omitted, ...rest} = document
  return rest
}

/**
 * The mendoza effects of a change. The `mendoza` package ships only the patcher, not the differ, so
 * each effect is the smallest patch that is always correct: the Value opcode (0) with the whole
 * document, which the Studio's applyPatch turns into exactly that document.
 */
function mendozaEffects(change: DocumentChange) {
  return {apply: [0, withoutRevision(change.next)], revert: [0, withoutRevision(change.previous)]}
}

/**
 * Streams the mutation events of one listener as server-sent events: `welcome` first, then one
 * `mutation` event per document a committed transaction changed and the query matches.
 */
export async function serveListener(
  request: IncomingMessage,
  response: ServerResponse,
  store: DocumentStore,
  listen: ListenRequest,
): Promise<void> {
  const tree = parseQuery(listen.query, listen.params)
  const matches = async (document: SanityDocument | null) => {
    if (!document) return false
    if (!listen.includeAllVersions && isVersionId(document._id as DocumentId)) return false
    const result = await (await evaluate(tree, {dataset: [document], params: listen.params})).get()
    return Array.isArray(result) ? result.length > 0 : Boolean(result)
  }
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  })
  const send = (event: string, data: unknown, id?: string) => {
    response.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }

  // Transactions are handled in order, even though matching a query is asynchronous.
  let delivery = Promise.resolve()
  const onTransaction = (transaction: CommittedTransaction) => {
    delivery = delivery.then(async () => {
      const relevant: {change: DocumentChange; before: boolean; after: boolean}[] = []
      for (const change of transaction.changes) {
        const before = await matches(change.previous)
        const after = await matches(change.next)
        if (before || after) relevant.push({change, before, after})
      }
      for (const [index, {change, before, after}] of relevant.entries()) {
        const event: MutationEvent & {
          transactionTotalEvents: number
          transactionCurrentEvent: number
        } = {
          type: 'mutation',
          eventId: `${transaction.transactionId}#${change.id}`,
          documentId: change.id,
          transactionId: transaction.transactionId,
          identity: transaction.identity,
          timestamp: transaction.timestamp,
          transition: before && after ? 'update' : after ? 'appear' : 'disappear',
          visibility: listen.visibility,
          mutations: listen.includeMutations ? change.mutations : [],
          transactionTotalEvents: relevant.length,
          transactionCurrentEvent: index + 1,
          ...(change.previous?._rev ? {previousRev: change.previous._rev} : {}),
          resultRev: transaction.transactionId,
          ...(listen.includeResult && change.next ? {result: change.next} : {}),
          ...(listen.includePreviousRevision ? {previous: change.previous} : {}),
          ...(listen.mendozaEffects ? {effects: mendozaEffects(change)} : {}),
        }
        send('mutation', event, event.eventId)
      }
    })
  }
  const unsubscribe = store.subscribe(onTransaction)
  const heartbeat = setInterval(() => response.write(':\n\n'), HEARTBEAT_MS)
  request.on('close', () => {
    unsubscribe()
    clearInterval(heartbeat)
  })
  send('welcome', {listenerName: `local-${Date.now().toString(36)}`})
}
