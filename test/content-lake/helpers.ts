import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {createClient, type SanityClient} from '@sanity/client'

import {SANITY_API_VERSION} from '../../lib/apiVersion'
import {type RunningContentLake, startContentLake} from '../../lib/content-lake/server'

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

export function startLake(datasetFile: string): Promise<RunningContentLake> {
  return startContentLake({datasetFile, projectId: PROJECT_ID, dataset: DATASET, port: 0})
}
