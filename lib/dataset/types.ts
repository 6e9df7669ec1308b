import type {ClientReturn, QueryParams} from '@sanity/client'

import type {Perspective} from './perspective'

export type {Perspective}

/** The perspectives the scripts offer by name (release stacks are for the Studio). */
export const PERSPECTIVES = ['published', 'drafts', 'raw'] as const satisfies readonly Perspective[]

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
