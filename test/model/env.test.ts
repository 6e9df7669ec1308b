import {describe, expect, it} from 'vitest'

import {DEFAULT_DATASET, LOCAL_PROJECT_ID, readStudioEnv} from '../../lib/env'

describe('readStudioEnv', () => {
  it('uses the configured project and dataset', () => {
    expect(
      readStudioEnv({SANITY_STUDIO_PROJECT_ID: 'abc123', SANITY_STUDIO_DATASET: 'staging'}),
    ).toEqual({projectId: 'abc123', dataset: 'staging', apiHost: undefined, isLocalDefault: false})
  })

  it('falls back to the local default when no project id is set', () => {
    const env = readStudioEnv({})
    expect(env).toMatchObject({
      projectId: LOCAL_PROJECT_ID,
      dataset: DEFAULT_DATASET,
      isLocalDefault: true,
    })
    expect(env.apiHost).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+$/)
  })

  it('names the variable when a value is malformed', () => {
    expect(() => readStudioEnv({SANITY_STUDIO_PROJECT_ID: 'My Project'})).toThrow(
      /SANITY_STUDIO_PROJECT_ID "My Project"/,
    )
    expect(() => readStudioEnv({SANITY_STUDIO_DATASET: 'Prod Data'})).toThrow(
      /SANITY_STUDIO_DATASET/,
    )
  })
})
