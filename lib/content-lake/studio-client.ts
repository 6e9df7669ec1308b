import {type ClientConfig, createClient, type SanityClient} from '@sanity/client'

const LISTEN_PATH = /\/data\/listen\//
let listenerCount = 0

/**
 * Browsers open at most six HTTP/1.1 connections per host. The real Content Lake speaks HTTP/2,
 * so the Studio keeps a dozen listeners open beside its queries; against the local server over
 * plain HTTP/1.1 those listeners would take all six connections and every query would wait
 * forever. Each listener therefore gets a host name of its own under `*.localhost`, which browsers
 * resolve to the loopback address like `localhost` itself.
 */
function fetchWithListenersSpread(input: string | URL | Request, init?: RequestInit) {
  const url = new URL(input instanceof Request ? input.url : input)
  if (LISTEN_PATH.test(url.pathname) && url.hostname.endsWith('localhost')) {
    listenerCount += 1
    url.hostname = `listener-${listenerCount}.${url.hostname}`
    return fetch(input instanceof Request ? new Request(url, input) : url, init)
  }
  return fetch(input, init)
}

/**
 * The Studio's client factory (`unstable_clientFactory`) for the local Content Lake: the usual
 * client, with the transport hook @sanity/client offers (`resolveFetch`) spreading listeners.
 */
export function createLocalContentLakeClient(config: ClientConfig): SanityClient {
  return createClient({...config, resolveFetch: () => fetchWithListenersSpread} as ClientConfig)
}
