import type {DocumentProblem} from './documentValidation'

/** What the main thread and a validation worker say to each other. */
export interface ValidationWorkerData {
  /** Every document id of the set, for reference checks. */
  documentIds: string[]
}

export type ToWorker =
  | {type: 'validate'; batchId: number; documents: unknown[]}
  | {type: 'queryResult'; requestId: number; result: unknown}
  | {type: 'queryError'; requestId: number; message: string}

export type FromWorker =
  | {type: 'validated'; batchId: number; problems: DocumentProblem[]}
  | {type: 'query'; requestId: number; query: string; params: Record<string, unknown>}
