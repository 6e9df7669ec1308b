/**
 * The remote backend runs the same typed queries through @sanity/client. Against the project's
 * local Content Lake (lib/content-lake) it must answer exactly as the local groq-js backend does,
 * in every perspective.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startContentLake, type RunningContentLake} from '../../lib/content-lake/server'
import {createLocalDataset, type CareersDataset, type Perspective} from '../../lib/dataset'
import {openDataset} from '../../lib/dataset/open'
import {
  DRAFT_POSTING_IDS_QUERY,
  OPEN_POSTINGS_QUERY,
  POSTING_BY_SLUG_QUERY,
  POSTING_ROUTES_QUERY,
} from '../../lib/queries/queries'
import {careersFixture} from '../fixtures/documents/careers'

let lake: RunningContentLake
let remote: CareersDataset
const local = createLocalDataset(careersFixture)

beforeAll(async () => {
  const datasetFile = join(mkdtempSync(join(tmpdir(), 'remote-')), 'production.ndjson')
  writeFileSync(datasetFile, careersFixture.map((doc) => JSON.stringify(doc)).join('\n'))
  lake = await startContentLake({datasetFile, projectId: 'local', dataset: 'production', port: 0})
  // Exactly what `--from sanity` opens with the embedded local default.
  remote = await openDataset('sanity', {SANITY_STUDIO_API_HOST: lake.url})
})

afterAll(() => lake?.close())

describe('remote dataset through @sanity/client', () => {
  it.each<Perspective>(['published', 'drafts'])(
    'answers like the local backend (%s)',
    async (perspective) => {
      const options = {perspective}
      expect(await remote.fetch(OPEN_POSTINGS_QUERY, {language: null}, options)).toEqual(
        await local.fetch(OPEN_POSTINGS_QUERY, {language: null}, options),
      )
      expect(await remote.fetch(POSTING_ROUTES_QUERY, {}, options)).toEqual(
        await local.fetch(POSTING_ROUTES_QUERY, {}, options),
      )
      const posting = await remote.fetch(
        POSTING_BY_SLUG_QUERY,
        {slug: 'platform-engineer'},
        options,
      )
      expect(posting).toEqual(
        await local.fetch(POSTING_BY_SLUG_QUERY, {slug: 'platform-engineer'}, options),
      )
      expect(posting?.title).toBe(
        perspective === 'drafts' ? 'Senior Platform Engineer' : 'Platform Engineer',
      )
    },
  )

  it('sees draft ids in the raw perspective', async () => {
    expect((await remote.fetch(DRAFT_POSTING_IDS_QUERY, {}, {perspective: 'raw'})).sort()).toEqual([
      'drafts.posting-data-engineer',
      'drafts.posting-platform-engineer',
    ])
  })
})
