import {beforeAll, describe, expect, it} from 'vitest'

import type {CareersDataset} from '../../lib/dataset'
import {EXPORTABLE_POSTING_SLUGS_QUERY, OPEN_POSTINGS_QUERY} from '../../lib/queries/queries'
import {
  DEFAULT_SITE_SETTINGS,
  findMissingJobPostingFields,
  renderCareersIndex,
  renderPostingPage,
} from '../../lib/render'
import type {ImportedCorpus} from './corpus'
import {
  expectWellFormedPage,
  jobPostingOf,
  parseHtml,
  postingBySlug,
  visibleText,
} from './pageAssertions'
import {postingTextFragments} from './postingText'

const settings = DEFAULT_SITE_SETTINGS

/** Every posting of the corpus, as editors see it, rendered and checked as a page. */
export function describePagesOfCorpus(corpus: () => ImportedCorpus): void {
  describe('pages of the imported corpus', () => {
    let dataset: CareersDataset
    let slugs: string[]
    beforeAll(async () => {
      ;({dataset} = corpus())
      slugs = (
        await dataset.fetch(EXPORTABLE_POSTING_SLUGS_QUERY, {}, {perspective: 'drafts'})
      ).filter((slug): slug is string => Boolean(slug))
    })

    it('renders every posting as a well-formed page with all its text and JSON-LD that parses', async () => {
      expect(slugs.length).toBeGreaterThanOrEqual(12)
      for (const slug of slugs) {
        const posting = await postingBySlug(dataset, slug)
        const page = renderPostingPage(posting, settings)
        const document = parseHtml(page.html)
        expectWellFormedPage(document)
        expect(visibleText(document.querySelector('h1'))).toBe(posting.title)
        expect(document.documentElement.lang).toBe(posting.language ?? 'en')
        const jobPosting = jobPostingOf(document)
        expect(jobPosting.title).toBe(posting.title)
        // Whatever Google requires and the posting lacks is reported to the editor, field by field.
        const required = findMissingJobPostingFields(jobPosting).filter(
          (field) => field.level === 'required',
        )
        expect(
          page.issues.filter((issue) => issue.message.startsWith('Google for Jobs requires')),
        ).toEqual(
          required.map((field) => ({
            path: field.field,
            message: `Google for Jobs requires it: ${field.fix}`,
          })),
        )
        if (posting.apply?.url) {
          expect(document.querySelector('a.apply-button')?.getAttribute('href')).toBe(
            posting.apply.url.trim(),
          )
        }
        const mainText = visibleText(document.querySelector('main'))
        const missing = postingTextFragments(posting).filter(
          (fragment) => !mainText.includes(fragment),
        )
        expect(missing, `${slug}: text missing from the page`).toEqual([])
        const steps = posting.recruitmentProcess?.steps?.length ?? 0
        expect(
          document.querySelectorAll(
            '.recruitment-process > ol > li, .recruitment-process > ul > li',
          ),
        ).toHaveLength(steps)
      }
    })

    it('lists open postings on a careers index with one h1 and a link per posting', async () => {
      const cards = await dataset.fetch(
        OPEN_POSTINGS_QUERY,
        {language: null},
        {perspective: 'drafts'},
      )
      const document = parseHtml(renderCareersIndex(cards, settings))
      expectWellFormedPage(document)
      const links = [...document.querySelectorAll('.posting-card a')].map((link) =>
        link.getAttribute('href'),
      )
      expect(links).toEqual(cards.map((card) => `/career/${card.slug}/`))
    })
  })
}
