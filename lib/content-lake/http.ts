import type {IncomingMessage, ServerResponse} from 'node:http'

import {ContentLakeError, badRequest} from './errors'

/** Request bodies the API takes as JSON: far above any transaction the Studio or an import sends. */
export const MAX_JSON_BYTES = 16 * 1024 * 1024
/** Uploaded files. */
export const MAX_ASSET_BYTES = 64 * 1024 * 1024

function tooLarge(limit: number): ContentLakeError {
  return new ContentLakeError(
    413,
    'payloadTooLarge',
    `The request body is over ${Math.round(limit / 1024 / 1024)} MB, the most the local Content Lake takes.`,
  )
}

export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limit) throw tooLarge(limit)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** The request body as a JSON object; anything else is a 400 that says what was expected. */
export async function readJsonObject(
  request: IncomingMessage,
  expected: string,
  limit = MAX_JSON_BYTES,
): Promise<Record<string, unknown>> {
  const body = await readBody(request, limit)
  let value: unknown
  try {
    value = JSON.parse(body.toString('utf8'))
  } catch (error) {
    throw badRequest(
      `The request body is not JSON (${(error as Error).message}); send ${expected}.`,
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest(`The request body must be a JSON object: ${expected}.`)
  return value as Record<string, unknown>
}

/** Query parameters arrive as `$name=<JSON>` in the URL (see encodeQueryString in @sanity/client). */
export function readQueryParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(value)
    } catch {
      throw badRequest(`Query parameter "${key}" is not JSON.`)
    }
  }
  return params
}

/** Headers every answer carries: nothing the lake sends is to be sniffed into something else. */
export const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
} as const

/** API answers: readable only through CORS, never embeddable by another page. */
const API_HEADERS = {
  ...COMMON_HEADERS,
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendJsonText(response, status, JSON.stringify(body))
}

export function sendJsonText(response: ServerResponse, status: number, text: string | Buffer) {
  response.writeHead(status, {...API_HEADERS, 'Content-Type': 'application/json; charset=utf-8'})
  response.end(text)
}

export function sendNdjson(response: ServerResponse, lines: readonly unknown[]): void {
  response.writeHead(200, {...API_HEADERS, 'Content-Type': 'application/x-ndjson'})
  response.end(lines.map((line) => `${JSON.stringify(line)}\n`).join(''))
}
