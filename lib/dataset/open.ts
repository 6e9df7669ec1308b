import {SANITY_API_VERSION} from '../apiVersion'
import {readStudioEnv} from '../env'
import {openDatasetFile} from './file'
import {DEFAULT_DATASET_FILE} from './paths'
import {createRemoteDataset} from './remote'
import type {CareersDataset} from './types'

/**
 * Open the dataset a script names: `sanity` for the configured Sanity project (see lib/env.ts;
 * a read token in SANITY_API_READ_TOKEN is needed for drafts), anything else is an NDJSON file.
 */
export async function openDataset(
  from: string = DEFAULT_DATASET_FILE,
  env: Record<string, string | undefined> = process.env,
): Promise<CareersDataset> {
  if (from !== 'sanity') return openDatasetFile(from)
  // Loaded only for a project: the client and its HTTP stack cost local exports half a second.
  const {createClient} = await import('@sanity/client')
  const studio = readStudioEnv(env)
  const client = createClient({
    projectId: studio.projectId,
    dataset: studio.dataset,
    apiVersion: SANITY_API_VERSION,
    useCdn: false,
    token: env.SANITY_API_READ_TOKEN,
    ...(studio.apiHost ? {apiHost: studio.apiHost} : {}),
    // The local Content Lake answers on its own host, not on <projectId>.<apiHost>.
    useProjectHostname: !studio.isLocalDefault,
  })
  return createRemoteDataset(client)
}
