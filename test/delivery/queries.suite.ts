import {beforeAll, describe, expect, it} from 'vitest'

import type {CareersDataset, StoredDocument} from '../../lib/dataset'
import {
  DRAFT_POSTING_IDS_QUERY,
  EXPORTABLE_POSTING_SLUGS_QUERY,
  FEED_POSTINGS_QUERY,
  OPEN_POSTINGS_BY_TEAM_QUERY,
  OPEN_POSTINGS_QUERY,
  POSTING_BY_SLUG_QUERY,
  POSTING_ROUTES_QUERY,
  SITEMAP_POSTINGS_QUERY,
} from '../../lib/queries/queries'
import {CORPUS_NOW, isDraft, postingsOf, slugOf, type ImportedCorpus} from './corpus'

const byId = (documents: readonly StoredDocument[]) =>
  new Map(documents.map((doc) => [doc._id, doc]))
const refOf = (value: unknown) => (value as {_ref?: string} | undefined)?._ref

/** Open, in plain code: the oracle the GROQ filters are checked against. */
function isOpen(doc: StoredDocument, now: Date): boolean {
  return typeof doc.validThrough !== 'string' || Date.parse(doc.validThrough) > now.getTime()
}

/** What the drafts perspective shows, computed without the dataset code under test. */
function editorView(documents: readonly StoredDocument[]): StoredDocument[] {
  const drafts = new Set(documents.filter(isDraft).map((doc) => doc._id.slice('drafts.'.length)))
  return documents
    .filter((doc) => isDraft(doc) || !drafts.has(doc._id))
    .map((doc) => ({...doc, _id: doc._id.replace(/^drafts\./, '')}))
}

/** Each query's result on the imported corpus, against the same answer computed in plain code. */
export function describeQueriesOnCorpus(corpus: () => ImportedCorpus): void {
  describe('queries on the imported corpus', () => {
    let documents: StoredDocument[]
    let dataset: CareersDataset
    beforeAll(() => {
      ;({documents, dataset} = corpus())
    })

    it('lists open published postings, newest first, with their team', async () => {
      const result = await dataset.fetch(OPEN_POSTINGS_QUERY, {language: null})
      const ids = byId(documents)
      const expected = postingsOf(documents)
        .filter((doc) => !isDraft(doc) && isOpen(doc, CORPUS_NOW))
        .sort((a, b) => String(b.publishedAt).localeCompare(String(a.publishedAt)))
      expect(result.map((posting) => posting._id)).toEqual(expected.map((doc) => doc._id))
      for (const [index, posting] of result.entries()) {
        const team = ids.get(refOf(expected[index]?.team) ?? '')
        expect(posting.team?.name ?? null).toBe(team?.name ?? null)
      }
    })

    it('filters open postings by language', async () => {
      const english = await dataset.fetch(
        OPEN_POSTINGS_QUERY,
        {language: 'en'},
        {perspective: 'drafts'},
      )
      const all = await dataset.fetch(
        OPEN_POSTINGS_QUERY,
        {language: null},
        {perspective: 'drafts'},
      )
      expect(english.length).toBeGreaterThan(0)
      expect(english.every((posting) => posting.language === 'en')).toBe(true)
      expect(english).toEqual(all.filter((posting) => posting.language === 'en'))
    })

    it('shows every posting to editors in the drafts perspective, drafts over published', async () => {
      const result = await dataset.fetch(
        EXPORTABLE_POSTING_SLUGS_QUERY,
        {},
        {perspective: 'drafts'},
      )
      const expected = postingsOf(editorView(documents)).filter((doc) => isOpen(doc, CORPUS_NOW))
      expect([...result].sort()).toEqual(expected.map(slugOf).sort())
      expect(result.length).toBeGreaterThan(
        (await dataset.fetch(EXPORTABLE_POSTING_SLUGS_QUERY, {})).length,
      )
    })

    it('expands team, contact, recruitment process and contact cards of every posting by slug', async () => {
      const view = editorView(documents)
      const ids = byId(view)
      for (const doc of postingsOf(view)) {
        const posting = await dataset.fetch(
          POSTING_BY_SLUG_QUERY,
          {slug: slugOf(doc) ?? ''},
          {perspective: 'drafts'},
        )
        expect(posting?._id).toBe(doc._id)
        expect(posting?.title).toBe(doc.title)
        expect(posting?.team?.name ?? null).toBe(ids.get(refOf(doc.team) ?? '')?.name ?? null)
        expect(posting?.contact?.email ?? null).toBe(
          ids.get(refOf(doc.contact) ?? '')?.email ?? null,
        )
        const process = ids.get(refOf(doc.recruitmentProcess) ?? '')
        expect(posting?.recruitmentProcess?.steps?.length ?? null).toBe(
          (process?.steps as unknown[] | undefined)?.length ?? null,
        )
        expect(posting?.faqs?.length ?? 0).toBe((doc.faqs as unknown[] | undefined)?.length ?? 0)
        const cards = (posting?.body ?? []).filter((block) => block._type === 'contactCard')
        for (const card of cards) expect(card.contact?.name).toEqual(expect.any(String))
      }
    })

    it('finds postings by team', async () => {
      const view = editorView(documents)
      const teams = view.filter((doc) => doc._type === 'team')
      expect(teams.length).toBeGreaterThan(0)
      for (const team of teams) {
        const slug = (team.slug as {current: string}).current
        const result = await dataset.fetch(
          OPEN_POSTINGS_BY_TEAM_QUERY,
          {team: slug},
          {perspective: 'drafts'},
        )
        const expected = postingsOf(view).filter(
          (doc) => refOf(doc.team) === team._id && isOpen(doc, CORPUS_NOW),
        )
        expect(result.map((posting) => posting._id).sort()).toEqual(
          expected.map((doc) => doc._id).sort(),
        )
      }
    })

    it('returns every slug with its aliases for redirects', async () => {
      const result = await dataset.fetch(POSTING_ROUTES_QUERY, {}, {perspective: 'drafts'})
      const expected = postingsOf(editorView(documents))
      expect(result.map((route) => route.slug).sort()).toEqual(expected.map(slugOf).sort())
      const withAliases = expected.filter((doc) => Array.isArray(doc.aliases) && doc.aliases.length)
      expect(withAliases.length).toBeGreaterThan(0)
      for (const doc of withAliases) {
        expect(result.find((route) => route.slug === slugOf(doc))?.aliases).toEqual(doc.aliases)
      }
    })

    it('gives sitemap and feed data for each open posting', async () => {
      const open = await dataset.fetch(
        OPEN_POSTINGS_QUERY,
        {language: null},
        {perspective: 'drafts'},
      )
      const sitemap = await dataset.fetch(SITEMAP_POSTINGS_QUERY, {}, {perspective: 'drafts'})
      const feed = await dataset.fetch(FEED_POSTINGS_QUERY, {}, {perspective: 'drafts'})
      expect(sitemap.map((entry) => entry.slug).sort()).toEqual(
        open.map((posting) => posting.slug).sort(),
      )
      expect(feed.map((item) => item.slug)).toEqual(open.map((posting) => posting.slug))
      for (const entry of sitemap) expect(Date.parse(entry.lastModified)).not.toBeNaN()
    })

    it('lists draft ids only in the raw perspective', async () => {
      const raw = await dataset.fetch(DRAFT_POSTING_IDS_QUERY, {}, {perspective: 'raw'})
      expect(raw.sort()).toEqual(
        postingsOf(documents)
          .filter(isDraft)
          .map((doc) => doc._id)
          .sort(),
      )
      expect(await dataset.fetch(DRAFT_POSTING_IDS_QUERY, {}, {perspective: 'published'})).toEqual(
        [],
      )
    })
  })
}
