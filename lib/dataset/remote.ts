import type {ClientReturn, QueryParams, SanityClient} from '@sanity/client'

import type {CareersDataset, FetchOptions} from './types'

/** The remote backend: the same queries and perspectives against a Sanity project. */
export function createRemoteDataset(client: SanityClient): CareersDataset {
  const {projectId, dataset} = client.config()
  return {
    description: `Sanity project ${projectId}, dataset ${dataset}`,
    fetch<Query extends string>(
      query: Query,
      params: QueryParams = {},
      options: FetchOptions = {},
    ) {
      return client.fetch<ClientReturn<Query, unknown>, QueryParams, Query>(query, params, {
        perspective: options.perspective ?? 'published',
      })
    },
  }
}
