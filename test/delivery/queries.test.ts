import {describe, expect, it} from 'vitest'

import {createLocalDataset} from '../../lib/dataset'
import {
  OPEN_POSTINGS_BY_TEAM_QUERY,
  OPEN_POSTINGS_QUERY,
  POSTING_BY_SLUG_QUERY,
  POSTING_ROUTES_QUERY,
} from '../../lib/queries/queries'
import {careersFixture, FIXTURE_NOW} from '../fixtures/documents/careers'

describe('queries on the fixture dataset', () => {
  const dataset = createLocalDataset(careersFixture, {now: () => FIXTURE_NOW})

  it('leaves expired and draft-only postings out of the open list', async () => {
    const open = await dataset.fetch(OPEN_POSTINGS_QUERY, {language: null})
    expect(open.map((posting) => posting.slug)).toEqual(['platform-engineer'])
    const routes = await dataset.fetch(POSTING_ROUTES_QUERY, {})
    expect(routes).toEqual([
      {
        _id: 'posting-office-coordinator',
        slug: 'office-coordinator',
        aliases: ['/blogg/office-coordinator'],
        isOpen: false,
      },
      {
        _id: 'posting-platform-engineer',
        slug: 'platform-engineer',
        aliases: ['/jobs/platform'],
        isOpen: true,
      },
    ])
  })

  it('shows the draft title and the draft-only posting in the drafts perspective', async () => {
    const open = await dataset.fetch(OPEN_POSTINGS_QUERY, {language: null}, {perspective: 'drafts'})
    expect(open.map((posting) => posting.title)).toEqual([
      'Data Engineer',
      'Senior Platform Engineer',
    ])
    const swedish = await dataset.fetch(
      OPEN_POSTINGS_QUERY,
      {language: 'sv'},
      {perspective: 'drafts'},
    )
    expect(swedish.map((posting) => posting.slug)).toEqual(['data-engineer'])
  })

  it('expands references inside the body and resolves team postings', async () => {
    const posting = await dataset.fetch(POSTING_BY_SLUG_QUERY, {slug: 'platform-engineer'})
    const card = posting?.body?.find((block) => block._type === 'contactCard')
    expect(card?._type === 'contactCard' && card.contact?.email).toBe('sigrid.lunde@example.com')
    expect(posting?.recruitmentProcess?.steps?.[1]?.substeps).toHaveLength(2)
    const byTeam = await dataset.fetch(
      OPEN_POSTINGS_BY_TEAM_QUERY,
      {team: 'platform-team'},
      {perspective: 'drafts'},
    )
    expect(byTeam.map((item) => item.slug).sort()).toEqual(['data-engineer', 'platform-engineer'])
  })
})
