import type {QueryParams} from '@sanity/client'
import {evaluateSync, parse, type ExprNode} from 'groq-js'

import {compileQuery} from './compiledQuery'
import {documentsInPerspective, perspectiveKey, type StoredDocument} from './perspective'
import {createQueryIndex, type QueryIndex} from './queryIndex'
import type {CareersDataset, FetchOptions, Perspective} from './types'

export interface LocalDatasetOptions {
  /** Shown in log lines, usually the file the documents came from. */
  description?: string
  /** The time `now()` returns; tests pin it so "open" does not drift with the calendar. */
  now?: () => Date
  /**
   * When the documents were stored, for those without `_createdAt`/`_updatedAt` (hand-written
   * files, import output). The Content Lake always sets them and queries rely on it.
   */
  storedAt?: Date
}

interface PerspectiveIndex {
  byId: Map<string, StoredDocument>
  index: QueryIndex<StoredDocument>
}

/**
 * The local backend: documents in memory, queried with groq-js, the reference GROQ engine.
 * groq-js has no notion of perspectives, so each perspective's view is built once (see
 * ./perspective) and references are resolved through an id index instead of a scan; filters on
 * attributes such as `_type` or `slug.current` scan only the matching documents (./queryIndex).
 */
export function createLocalDataset(
  storedDocuments: readonly StoredDocument[],
  options: LocalDatasetOptions = {},
): CareersDataset {
  const storedAt = (options.storedAt ?? new Date()).toISOString()
  const documents = storedDocuments.map((doc) => ({
    ...doc,
    _createdAt: doc._createdAt ?? storedAt,
    _updatedAt: doc._updatedAt ?? doc._createdAt ?? storedAt,
  }))
  const views = new Map<string, PerspectiveIndex>()
  const viewFor = (perspective: Perspective): PerspectiveIndex => {
    const key = perspectiveKey(perspective)
    let view = views.get(key)
    if (!view) {
      const visible = documentsInPerspective(documents, perspective)
      view = {
        byId: new Map(visible.map((doc) => [doc._id, doc])),
        index: createQueryIndex(visible),
      }
      views.set(key, view)
    }
    return view
  }

  return {
    description: options.description ?? `${documents.length} documents in memory`,
    async fetch(query: string, params: QueryParams = {}, fetchOptions: FetchOptions = {}) {
      const view = viewFor(fetchOptions.perspective ?? 'published')
      const tree = parsedQuery(query)
      const dataset = view.index.candidates(tree, params)
      const timestamp = options.now?.() ?? new Date()
      const dereference = (id: string) => view.byId.get(id) ?? null
      // The list queries take the compiled path (./compiledQuery, same answers, several times
      // faster); anything it does not cover goes to groq-js. Both return plain JSON, which the
      // interface types with the typegen result type of known queries.
      const compiled = compileQuery(tree, {dataset, params, timestamp, dereference})
      if (compiled) return compiled() as never
      // Synchronous evaluation: everything is in memory, and it runs 3–4× faster than the
      // promise-per-step evaluator on the open-postings list (bench/RESULTS.md).
      const result = evaluateSync(tree, {
        dataset,
        params,
        timestamp,
        dereference: ({_ref}) => dereference(_ref),
      })
      return (await result.get()) as never
    },
  }
}

// Parse trees by query text. Parsed without parameters, a tree keeps `$name` as a parameter node
// that evaluation reads from the fetch's params, so one tree serves every call of a query (the
// export runs the posting query once per posting). Bounded, for a long-running caller that sends
// ever new query texts.
const PARSED_QUERIES = new Map<string, ExprNode>()
const MAX_PARSED_QUERIES = 200

function parsedQuery(query: string): ExprNode {
  let tree = PARSED_QUERIES.get(query)
  if (!tree) {
    tree = parse(query)
    if (PARSED_QUERIES.size >= MAX_PARSED_QUERIES) PARSED_QUERIES.clear()
    PARSED_QUERIES.set(query, tree)
  }
  return tree
}
