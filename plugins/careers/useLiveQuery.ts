import type {ClientPerspective, QueryParams} from '@sanity/client'
import {useEffect, useState} from 'react'
import {concat, debounceTime, of, switchMap} from 'rxjs'
import {useClient} from 'sanity'

import {SANITY_API_VERSION} from '../../lib/apiVersion'

export interface LiveQueryRequest {
  query: string
  params: QueryParams
  perspective: ClientPerspective
  /**
   * Parameters for the listener, which sees raw document ids (`drafts.…`) rather than the
   * perspective's merged view. Default: `params`.
   */
  listenParams?: QueryParams
}

export interface LiveQueryState<Result> {
  data: Result | undefined
  error: Error | undefined
}

const REFETCH_DELAY_MS = 400

/**
 * A query through the Studio's client that is fetched again when a matching document changes.
 * `request` null means nothing to fetch. The last result stays while the next one loads, so
 * views built on it do not flash.
 */
export function useLiveQuery<Result>(request: LiveQueryRequest | null): LiveQueryState<Result> {
  const client = useClient({apiVersion: SANITY_API_VERSION})
  const [state, setState] = useState<LiveQueryState<Result>>({data: undefined, error: undefined})
  // One key for everything the request depends on, so a re-rendered parent does not refetch.
  const key = request ? JSON.stringify(request) : null

  useEffect(() => {
    if (!key) return undefined
    const {query, params, perspective, listenParams} = JSON.parse(key) as LiveQueryRequest
    const changes = client
      .listen(query, listenParams ?? params, {
        events: ['mutation'],
        includeResult: false,
        visibility: 'query',
        tag: 'careers.listen',
      })
      .pipe(debounceTime(REFETCH_DELAY_MS))
    const subscription = concat(of(null), changes)
      .pipe(
        switchMap(() =>
          client.observable.fetch<Result>(query, params, {perspective, tag: 'careers.preview'}),
        ),
      )
      .subscribe({
        next: (data) => setState({data, error: undefined}),
        error: (error: unknown) =>
          setState((previous) => ({
            data: previous.data,
            error: error instanceof Error ? error : new Error(String(error)),
          })),
      })
    return () => subscription.unsubscribe()
  }, [client, key])

  return key ? state : {data: undefined, error: undefined}
}
