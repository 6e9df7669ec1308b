import type {SanityDocument} from '@sanity/client'

import type {Perspective} from './perspective'

/** How the local Content Lake and its query threads talk (see ./queryPool and ./queryWorker). */
export interface QueryWorkerData {
  datasetFile: string
}

export interface QueryTask {
  type: 'query'
  id: number
  query: string
  params: Record<string, unknown>
  perspective: Perspective
  identity: string
}

export interface SelectTask {
  type: 'select'
  id: number
  query: string
  params: Record<string, unknown>
  /** Documents as not yet durable transactions left them (null: deleted), over the stored ones. */
  overlay: [string, SanityDocument | null][]
}

export type ToQueryWorker =
  {type: 'commit'; seq: number; put: SanityDocument[]; deleted: string[]} | QueryTask | SelectTask

export type FromQueryWorker =
  /** Loaded the dataset as it was after transaction `seq`. */
  | {type: 'ready'; seq: number}
  /** A query's result as JSON text (UTF-8), handed over without a copy. */
  | {type: 'answer'; id: number; json: Uint8Array}
  | {type: 'selected'; id: number; ids: string[]}
  | {type: 'failed'; id: number; statusCode: number; errorType: string; description: string}
