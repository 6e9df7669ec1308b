import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'

import type {SanityDocument} from 'sanity'

import {createDatasetQuery} from './datasetQuery'
import type {DocumentProblem} from './documentValidation'
import type {FromWorker, ToWorker, ValidationWorkerData} from './validationMessages'

export type {DocumentProblem} from './documentValidation'

export interface ValidateOptions {
  /**
   * Worker threads to validate in; 1 validates on the calling thread. By default, one per core
   * (up to 4) for sets large enough to repay each worker loading the schema and `sanity`.
   */
  workers?: number
}

/**
 * Sanity's own document validation, run outside the Studio over a set of documents (an import, a
 * local dataset, a test fixture). The rules are the schema's: nothing here re-implements them.
 * Validators that query the dataset (slug uniqueness, reference existence) are answered from the
 * same set of documents, as the Content Lake would answer them.
 *
 * Validation is CPU-bound (Sanity's validator builds an rxjs pipeline per field), so large sets
 * are split over worker threads; problems come back in the order of the documents either way.
 */
export async function validateDocuments(
  documents: readonly SanityDocument[],
  options: ValidateOptions = {},
): Promise<DocumentProblem[]> {
  const workers = Math.min(
    options.workers ?? defaultWorkerCount(documents.length),
    documents.length,
  )
  if (workers <= 1) {
    // Loaded on demand: it imports `sanity`, which the worker path leaves to the workers.
    const {validateWithSchema} = await import('./documentValidation')
    const ids = new Set(documents.map((document) => document._id))
    return validateWithSchema(documents, {
      query: createDatasetQuery(documents),
      documentExists: async (id) => ids.has(id),
    })
  }
  return validateInWorkers(documents, workers)
}

// Each worker spends a few seconds loading `sanity` and compiling the schema, about what
// validating a hundred postings takes; below a few hundred documents one thread is as quick.
// Workers trade memory for time: 10,000 postings took 158 s and 889 MB on the calling thread,
// 108 s and 1.6 GB in two workers (bench/RESULTS.md).
const MIN_DOCUMENTS_PER_WORKER = 150
const MAX_WORKERS = 4
// Documents per message to a worker: small enough that workers finish together.
const MAX_BATCH_SIZE = 25
const YOUNG_GENERATION_MB = 64

function defaultWorkerCount(documents: number): number {
  return Math.max(
    1,
    Math.min(availableParallelism(), MAX_WORKERS, Math.floor(documents / MIN_DOCUMENTS_PER_WORKER)),
  )
}

// Worker threads load modules with Node's own loader, which does not read TypeScript: the worker
// registers tsx before importing its module (whether or not the parent runs under tsx). Both are
// resolved here: an evaluated worker would resolve a bare 'tsx' from the working directory.
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({register}) => register())
  .then(() => import(${JSON.stringify(new URL('./validationWorker.ts', import.meta.url).href)}))`

async function validateInWorkers(
  documents: readonly SanityDocument[],
  workerCount: number,
): Promise<DocumentProblem[]> {
  const query = createDatasetQuery(documents)
  const workerData: ValidationWorkerData = {documentIds: documents.map((document) => document._id)}
  const batches: SanityDocument[][] = []
  const batchSize = Math.min(MAX_BATCH_SIZE, Math.ceil(documents.length / workerCount))
  for (let start = 0; start < documents.length; start += batchSize)
    batches.push(documents.slice(start, start + batchSize))
  const problemsByBatch: DocumentProblem[][] = []
  const workers: Worker[] = []
  let nextBatch = 0

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_BOOTSTRAP, {
        eval: true,
        workerData,
        // A larger young generation: the validator allocates many short-lived objects.
        resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB},
      })
      workers.push(worker)
      const send = (message: ToWorker) => worker.postMessage(message)
      const sendNextBatch = () => {
        if (nextBatch >= batches.length) {
          resolve()
          void worker.terminate()
          return
        }
        const batchId = nextBatch++
        send({type: 'validate', batchId, documents: batches[batchId] ?? []})
      }
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'validated') {
          problemsByBatch[message.batchId] = message.problems
          sendNextBatch()
          return
        }
        const {requestId} = message
        query(message.query, message.params).then(
          (result) => send({type: 'queryResult', requestId, result}),
          (error: unknown) => send({type: 'queryError', requestId, message: String(error)}),
        )
      })
      worker.on('error', reject)
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`A validation worker stopped with exit code ${code}.`))
      })
      sendNextBatch()
    })

  try {
    await Promise.all(Array.from({length: workerCount}, runWorker))
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return problemsByBatch.flat()
}
