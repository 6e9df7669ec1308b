/**
 * Folds sealed log generations into the snapshot on a thread of its own (see DocumentStore): a
 * 100 MB snapshot takes a second or two to write, which the server's event loop never waits for.
 */
import {parentPort, workerData} from 'node:worker_threads'

import {compactDatasetSync} from '../storage/compact'

const {datasetFile, upToGeneration} = workerData as {datasetFile: string; upToGeneration: number}
parentPort?.postMessage(compactDatasetSync(datasetFile, {upToGeneration}))
