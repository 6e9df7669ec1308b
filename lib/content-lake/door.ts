import type {IncomingMessage} from 'node:http'

import {ContentLakeError} from './errors'

/**
 * Who may talk to the local Content Lake. It has no authentication, and every web page the user
 * opens can send requests to localhost, so Host, Origin and Content-Type are treated as attacker
 * input, the way current development servers do it (Vite's `server.allowedHosts` and its origin
 * checks after the 2025 advisories):
 *
 * - the Host header must name this machine (`localhost`, a `*.localhost` name, `127.0.0.1`,
 *   `[::1]`) or a host configured on purpose: a DNS-rebinding page, whose requests carry its own
 *   name, gets nothing;
 * - a browser request (one with an Origin, or with fetch metadata saying it comes from another
 *   site) is answered only for the configured Studio origins, matched exactly, and only they get
 *   CORS headers;
 * - a request that changes something must say `Content-Type: application/json` (uploads: the
 *   file's own media type, never a form), which a page cannot send to another origin without a
 *   CORS preflight, and the preflight only succeeds for the Studio.
 */
export interface DoorOptions {
  /** Host names beyond this machine's own, e.g. a name in /etc/hosts; `.example.com` allows subdomains. */
  allowedHosts?: readonly string[]
  /** The Studio origins (scheme, host and port) allowed to use the API from a browser. */
  studioOrigins: readonly string[]
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]'])

/** What HTML forms send: never an uploaded file's own bytes, which the asset API takes. */
const FORM_CONTENT_TYPES = new Set(['multipart/form-data', 'application/x-www-form-urlencoded'])

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The host name of a Host header, lower-case, without the port; IPv6 stays in brackets. */
export function hostName(host: string): string {
  const name = host.trim().toLowerCase()
  if (name.startsWith('[')) return name.slice(0, name.indexOf(']') + 1)
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(0, colon)
}

/** Whether the name is this machine: browsers resolve `localhost` and `*.localhost` to loopback. */
export function isLoopbackName(name: string): boolean {
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost')
}

/** Normalises an origin the way browsers send it (`http://localhost:3333`), or undefined. */
export function normaliseOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    return url.origin
  } catch {
    return undefined
  }
}

/** The media type of a Content-Type header, without parameters, lower-case. */
export function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined
}

export class Door {
  private readonly hosts: readonly string[]
  private readonly origins: ReadonlySet<string>

  constructor(options: DoorOptions) {
    this.hosts = (options.allowedHosts ?? []).map((host) => host.trim().toLowerCase())
    this.origins = new Set(
      options.studioOrigins.map((origin) => {
        const normalised = normaliseOrigin(origin)
        if (!normalised || normalised !== origin.replace(/\/$/, ''))
          throw new Error(
            `"${origin}" is not an origin: give scheme, host and port, like http://localhost:3333.`,
          )
        return normalised
      }),
    )
  }

  get studioOrigins(): string[] {
    return [...this.origins]
  }

  isAllowedHost(host: string | undefined): boolean {
    if (!host) return false
    const name = hostName(host)
    if (isLoopbackName(name)) return true
    return this.hosts.some((allowed) =>
      allowed.startsWith('.')
        ? name === allowed.slice(1) || name.endsWith(allowed)
        : name === allowed,
    )
  }

  /** The exact Studio origin a request comes from, if it is one of ours. */
  allowedOrigin(request: IncomingMessage): string | undefined {
    const origin = request.headers.origin
    return origin && this.origins.has(origin) ? origin : undefined
  }

  /**
   * Refuses what must not get in (the error to answer with), or lets it through (undefined).
   * `kind` says what the route does with a body: `json`, `upload`, or nothing; `public` routes
   * (uploaded files, which browsers load in `<img>` from the Studio's page) skip the browser
   * checks but not the Host check.
   */
  check(
    request: IncomingMessage,
    route: {body?: 'json' | 'upload'; public?: boolean},
  ): ContentLakeError | undefined {
    const {host, origin} = request.headers
    if (!this.isAllowedHost(host)) {
      return new ContentLakeError(
        403,
        'forbiddenError',
        `Blocked request: the host "${host ?? ''}" is not this machine. The local Content Lake answers localhost, 127.0.0.1, [::1] and the hosts given with --allowed-host.`,
      )
    }
    const method = request.method ?? 'GET'
    const fromBrowser =
      origin !== undefined ||
      !['same-origin', 'none', undefined].includes(request.headers['sec-fetch-site'] as string)
    if (fromBrowser && !this.allowedOrigin(request) && !(route.public && method === 'GET')) {
      return new ContentLakeError(
        403,
        'forbiddenError',
        `Blocked request from ${origin ? `the origin "${origin}"` : 'another site'}: the local Content Lake only answers the Studio at ${[...this.origins].join(', ') || '(none configured)'}; start it with --studio-origin to add one.`,
      )
    }
    if (!STATE_CHANGING.has(method)) return undefined
    const type = mediaType(request.headers['content-type'])
    if (route.body === 'json' && type !== 'application/json') {
      return new ContentLakeError(
        415,
        'unsupportedMediaType',
        'Send the request body as JSON, with "Content-Type: application/json".',
      )
    }
    if (route.body === 'upload' && type && FORM_CONTENT_TYPES.has(type)) {
      return new ContentLakeError(
        415,
        'unsupportedMediaType',
        'Send the file itself as the body, with its own media type (for example "Content-Type: image/png"), not as a form.',
      )
    }
    return undefined
  }

  /** CORS headers for a request from an allowed Studio origin; none for anybody else. */
  corsHeaders(request: IncomingMessage): Record<string, string> {
    const origin = this.allowedOrigin(request)
    if (!origin) return {}
    const headers: Record<string, string> = {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      Vary: 'Origin',
    }
    if (request.method === 'OPTIONS') {
      headers['Access-Control-Allow-Methods'] = 'GET, POST, PUT, PATCH, DELETE, OPTIONS'
      const requested = request.headers['access-control-request-headers']
      if (requested) headers['Access-Control-Allow-Headers'] = requested
      headers['Access-Control-Max-Age'] = '600'
    }
    return headers
  }
}
