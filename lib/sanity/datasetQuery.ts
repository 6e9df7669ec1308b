import {createLocalDataset, type StoredDocument} from '../dataset'

/** What validators ask of the dataset: GROQ, answered as the Content Lake would. */
export type DatasetQuery = (query: string, params?: Record<string, unknown>) => Promise<unknown>

/**
 * GROQ over a set of documents, for the validators that query (slug uniqueness): the local
 * dataset's engine, indexed, so a query per document keeps validating an import linear. Validators
 * ask with the raw perspective (every stored document under its own id). Loads nothing of
 * `sanity`, so validation workers can ask the main thread.
 */
export function createDatasetQuery(documents: readonly StoredDocument[]): DatasetQuery {
  const dataset = createLocalDataset(documents)
  return (query, params = {}) => dataset.fetch(query, params, {perspective: 'raw'})
}
