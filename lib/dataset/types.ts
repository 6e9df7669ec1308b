import type {ClientReturn, QueryParams} from '@sanity/client'

/**
 * Which versions of documents a query sees, as on the Content Lake:
 * `published` hides drafts, `drafts` shows each document's draft in place of its published
 * version, `raw` shows every stored document with its real id.
 */
export type Perspective = 'published' | 'drafts' | 'raw'

export const PERSPECTIVES: readonly Perspective[] = ['published', 'drafts', 'raw']

export interface FetchOptions {
  perspective?: Perspective
}

/**
 * Where the website's content comes from: the local NDJSON file or a Sanity project. Scripts,
 * the export and tests only see this, so the same typed queries run against either.
 */
export interface CareersDataset {
  /** Where the data comes from, for log lines such as "Exported 4 postings from …". */
  readonly description: string
  fetch<Query extends string>(
    query: Query,
    params?: QueryParams,
    options?: FetchOptions,
  ): Promise<ClientReturn<Query, unknown>>
}
