/**
 * Where the Studio and the CLI find their Sanity project.
 *
 * With `SANITY_STUDIO_PROJECT_ID` set, everything talks to that project on the real Content Lake.
 * Without it, we fall back to the embedded local default: a placeholder project id that only the
 * local development backend answers, so a newcomer gets a clear message instead of a blank Studio.
 */
export interface StudioEnv {
  projectId: string
  dataset: string
  /** Set when the Studio should talk to a local Content Lake instead of api.sanity.io. */
  apiHost: string | undefined
  /** True when no project id was configured and the local placeholder is used. */
  isLocalDefault: boolean
}

export const LOCAL_PROJECT_ID = 'local'
export const DEFAULT_DATASET = 'production'
/** The local Content Lake's port; `sanity dev` has 3333. */
export const DEFAULT_LOCAL_API_PORT = 3900
/**
 * `localhost`, not 127.0.0.1: @sanity/client puts the project id in front of the host
 * (`local.localhost`), and browsers resolve every `*.localhost` name to the loopback address.
 */
export const DEFAULT_LOCAL_API_HOST = `http://localhost:${DEFAULT_LOCAL_API_PORT}`

const PROJECT_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/
const DATASET_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/

export const MISSING_PROJECT_MESSAGE =
  'No SANITY_STUDIO_PROJECT_ID is set, so the Studio uses the local development backend ' +
  `(project "${LOCAL_PROJECT_ID}"). To edit a real Sanity project, set SANITY_STUDIO_PROJECT_ID ` +
  'and SANITY_STUDIO_DATASET (see "Connect a real Sanity project" in the README).'

export function readStudioEnv(env: Record<string, string | undefined>): StudioEnv {
  const projectId = env.SANITY_STUDIO_PROJECT_ID?.trim() || ''
  const dataset = env.SANITY_STUDIO_DATASET?.trim() || DEFAULT_DATASET
  if (projectId && !PROJECT_ID_PATTERN.test(projectId)) {
    throw new Error(
      `SANITY_STUDIO_PROJECT_ID "${projectId}" is not a Sanity project id: use the lower-case id shown at sanity.io/manage.`,
    )
  }
  if (!DATASET_PATTERN.test(dataset)) {
    throw new Error(
      `SANITY_STUDIO_DATASET "${dataset}" is not a valid dataset name: use lower-case letters, digits, "_" and "-".`,
    )
  }
  const apiHost = env.SANITY_STUDIO_API_HOST?.trim() || undefined
  if (projectId) return {projectId, dataset, apiHost, isLocalDefault: false}
  return {
    projectId: LOCAL_PROJECT_ID,
    dataset,
    apiHost: apiHost ?? DEFAULT_LOCAL_API_HOST,
    isLocalDefault: true,
  }
}
