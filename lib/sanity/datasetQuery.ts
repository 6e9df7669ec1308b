import {evaluate, parse} from 'groq-js'

import {createQueryIndex} from '../dataset/queryIndex'

/** What validators ask of the dataset: GROQ, answered as the Content Lake would. */
export type DatasetQuery = (query: string, params?: Record<string, unknown>) => Promise<unknown>

interface QueryableDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

/**
 * GROQ over a set of documents with groq-js, for the validators that query (slug uniqueness).
 * Indexed: those validators query once per document, and a scan each time would make validating
 * an import quadratic. Loads nothing of `sanity`, so validation workers can ask the main thread.
 */
export function createDatasetQuery(documents: readonly QueryableDocument[]): DatasetQuery {
  const index = createQueryIndex(documents)
  const byId = new Map(documents.map((document) => [document._id, document]))
  return async (query, params = {}) => {
    const tree = parse(query, {params})
    const result = await evaluate(tree, {
      dataset: index.candidates(tree, params),
      params,
      dereference: ({_ref}) => byId.get(_ref) ?? null,
    })
    return result.get()
  }
}
