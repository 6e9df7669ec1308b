/**
 * A validation worker thread (see ./validateDocuments): validates the batches of documents it is
 * sent with Sanity's validator, and asks the main thread, which holds every document, the GROQ
 * queries of validators that look beyond the document (slug uniqueness).
 */
import {parentPort, workerData} from 'node:worker_threads'

import type {SanityDocument} from 'sanity'

import {validateWithSchema} from './documentValidation'
import type {ToWorker, ValidationWorkerData} from './validationMessages'

const port = parentPort
if (!port) throw new Error('validationWorker.ts runs as a worker thread of validateDocuments.')

const {documentIds} = workerData as ValidationWorkerData
const existing = new Set(documentIds)
const pendingQueries = new Map<
  number,
  {resolve: (value: unknown) => void; reject: (error: Error) => void}
>()
let nextRequestId = 0

const dataset = {
  query: (query: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const requestId = nextRequestId++
      pendingQueries.set(requestId, {resolve, reject})
      port.postMessage({type: 'query', requestId, query, params})
    }),
  documentExists: async (id: string) => existing.has(id),
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'validate') {
    // A failure is left unhandled on purpose: the worker exits with it, and the main thread
    // rejects the whole validation with that error.
    void validateWithSchema(message.documents as SanityDocument[], dataset).then((problems) =>
      port.postMessage({type: 'validated', batchId: message.batchId, problems}),
    )
    return
  }
  const pending = pendingQueries.get(message.requestId)
  pendingQueries.delete(message.requestId)
  if (message.type === 'queryResult') pending?.resolve(message.result)
  else pending?.reject(new Error(message.message))
})
