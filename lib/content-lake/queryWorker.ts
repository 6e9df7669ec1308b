/**
 * A query thread of the local Content Lake (see ./queryPool): holds its own copy of the dataset,
 * read from disk and kept current by the commits the server sends, and evaluates GROQ with
 * groq-js, so a slow query only ever stalls this thread, which the server can stop.
 */
import {parentPort, workerData} from 'node:worker_threads'

import type {SanityDocument} from '@sanity/client'
import {evaluate} from 'groq-js'

import {readDatasetSync} from '../storage/read'
import {ContentLakeError} from './errors'
import {documentsInPerspective} from './perspective'
import {parseQuery} from './query'
import type {
  FromQueryWorker,
  QueryTask,
  QueryWorkerData,
  SelectTask,
  ToQueryWorker,
} from './queryMessages'

const port = parentPort
if (!port) throw new Error('queryWorker.ts runs as a worker thread of the local Content Lake.')

const {datasetFile} = workerData as QueryWorkerData
const contents = readDatasetSync(datasetFile, {fillSystemFields: true})
const documents = contents.documents as Map<string, SanityDocument>
let seq = contents.seq

const send = (message: FromQueryWorker, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer)

async function evaluateOver(
  dataset: SanityDocument[],
  query: string,
  params: Record<string, unknown>,
  identity?: string,
): Promise<unknown> {
  const tree = parseQuery(query, params)
  const byId = new Map(dataset.map((document) => [document._id, document]))
  const value = await evaluate(tree, {
    dataset,
    params,
    identity,
    dereference: ({_ref}) => byId.get(_ref) ?? null,
  })
  return value.get()
}

async function runQuery(task: QueryTask): Promise<void> {
  const dataset = documentsInPerspective(documents.values(), task.perspective)
  const result = await evaluateOver(dataset, task.query, task.params, task.identity)
  const json = new TextEncoder().encode(JSON.stringify(result ?? null))
  send({type: 'answer', id: task.id, json}, [json.buffer as ArrayBuffer])
}

async function runSelect(task: SelectTask): Promise<void> {
  const view = new Map(documents)
  for (const [id, document] of task.overlay) {
    if (document) view.set(id, document)
    else view.delete(id)
  }
  const result = await evaluateOver([...view.values()], task.query, task.params)
  if (!Array.isArray(result) || !result.every((item) => typeof item?._id === 'string')) {
    throw new ContentLakeError(400, 'invalidMutationError', 'The query must select documents.')
  }
  send({type: 'selected', id: task.id, ids: result.map((item: {_id: string}) => item._id)})
}

function failure(error: unknown): {statusCode: number; errorType: string; description: string} {
  if (error instanceof ContentLakeError)
    return {statusCode: error.statusCode, errorType: error.type, description: error.message}
  if (error instanceof RangeError)
    return {
      statusCode: 400,
      errorType: 'queryExecutionError',
      description: 'The query is nested too deeply to evaluate.',
    }
  return {
    statusCode: 400,
    errorType: 'queryExecutionError',
    description: `The query failed: ${(error as Error).message}`,
  }
}

function applyCommit(message: Extract<ToQueryWorker, {type: 'commit'}>): void {
  // Commits made while this thread was loading may already be in what it read.
  if (message.seq <= seq) return
  for (const document of message.put) documents.set(document._id, document)
  for (const id of message.deleted) documents.delete(id)
  seq = message.seq
}

// One message at a time, in order: a commit never lands in the middle of a query, so every answer
// reads one consistent state, and every query sees the commits sent before it.
let previous: Promise<void> = Promise.resolve()
port.on('message', (message: ToQueryWorker) => {
  previous = previous.then(async () => {
    if (message.type === 'commit') return applyCommit(message)
    try {
      await (message.type === 'query' ? runQuery(message) : runSelect(message))
    } catch (error) {
      send({type: 'failed', id: message.id, ...failure(error)})
    }
  })
})

send({type: 'ready', seq})
