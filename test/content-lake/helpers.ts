import {mkdtemp, rm} from 'node:fs/promises'
import {type IncomingHttpHeaders, request as httpRequest} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient, type SanityClient} from '@sanity/client'

import {SANITY_API_VERSION} from '../../lib/apiVersion'
import {
  type ContentLakeOptions,
  type RunningContentLake,
  startContentLake,
} from '../../lib/content-lake/server'

export const PROJECT_ID = 'local'
export const DATASET = 'production'

/** A client talking to a local Content Lake the way scripts do: no project subdomain. */
export function clientFor(url: string): SanityClient {
  return createClient({
    projectId: PROJECT_ID,
    dataset: DATASET,
    apiHost: url,
    useProjectHostname: false,
    apiVersion: SANITY_API_VERSION,
    useCdn: false,
    // The local server ignores tokens; @sanity/import insists on one.
    token: 'local-development',
  })
}

export async function temporaryDirectory(): Promise<{path: string; remove: () => Promise<void>}> {
  const path = await mkdtemp(join(tmpdir(), 'content-lake-'))
  return {path, remove: () => rm(path, {recursive: true, force: true})}
}

export function startLake(
  datasetFile: string,
  options: Partial<ContentLakeOptions> = {},
): Promise<RunningContentLake> {
  return startContentLake({
    datasetFile,
    projectId: PROJECT_ID,
    dataset: DATASET,
    port: 0,
    ...options,
  })
}

export interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/**
 * A request with exactly the headers given (Host and Origin included, which fetch would not let
 * a test set), to the server on 127.0.0.1, the way a browser or an attacker's page sends them.
 */
export function rawRequest(
  url: string,
  path: string,
  options: {method?: string; headers?: Record<string, string>; body?: string | Buffer} = {},
): Promise<RawAnswer> {
  const {port} = new URL(url)
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: {host: `localhost:${port}`, ...options.headers},
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(options.body)
  })
}
