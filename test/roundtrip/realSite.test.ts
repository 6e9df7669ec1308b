/**
 * The website cannot tell. The real site's own templates (../shared/site) are built twice with
 * Hugo 0.111: once from the original markdown of every page in ../shared/corpus (and, as a second
 * corpus, of our fictional examples), once from that markdown imported into the model and
 * exported again. Every posting page and the careers list
 * are compared facet by facet in a real HTML parser (jsdom): the main text word by word, the
 * headings with their ids, links, buttons, images, accordions and frames in order, the title,
 * description, canonical address and the rest of the head, the page header and the sidebar, the
 * content and the whole document as normalised trees. A per-page report is printed; any
 * difference fails the test (the README lists what the comparison normalises, and why).
 */
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {JSDOM} from 'jsdom'
import {beforeAll, describe, expect, it} from 'vitest'

import {createLocalDataset, type CareersDataset} from '../../lib/dataset'
import {exportSite} from '../../lib/export/exportSite'
import {importHugoContent, type ImportResult} from '../../lib/import'
import {hugoContentPath} from '../../lib/export/hugoMarkdown'
import {POSTING_BY_SLUG_QUERY, EXPORTABLE_POSTING_SLUGS_QUERY} from '../../lib/queries/queries'
import {DEFAULT_SITE_SETTINGS, renderPostingPage} from '../../lib/render'
import {CORPUS_CONTENT_DIR, CORPUS_NOW, EXAMPLE_CONTENT_DIR} from '../delivery/corpus'
import {comparePages, outputFiles, type SiteComparison} from './comparePages'
import {pageFacets, plainTypography} from './pageFacets'
import {buildRealSite, contentFiles, REAL_SITE_DIR, type BuiltSite} from './realSite'

/**
 * The careers section's own page: the site's, for the real postings (it goes through the round
 * trip too); the examples bring their own.
 */
const SITE_CAREERS_PAGE = join(REAL_SITE_DIR, 'content', 'career', '_index.md')
const FEATURES_DIR = fileURLToPath(new URL('../fixtures/hugo/features/content', import.meta.url))
const CORPORA = [
  {
    name: 'the real postings (../shared/corpus)',
    dir: CORPUS_CONTENT_DIR,
    extra: [SITE_CAREERS_PAGE],
  },
  {name: 'the fictional example postings', dir: EXAMPLE_CONTENT_DIR, extra: []},
  // File names with spaces and double hyphens, TOML and JSON front matter after a BOM, Hugo's
  // own dates and url, relref and ref, nested shortcodes, an embedded form, an empty link.
  {name: 'the feature fixtures', dir: FEATURES_DIR, extra: []},
]

/**
 * The one deliberate difference: an embedded form gets a sandbox on the website (see README).
 * Checked on every frame of the round trip, then taken off for the comparison.
 */
const SANDBOX = 'allow-forms allow-scripts allow-same-origin allow-popups'
function checkAndDropSandbox(document: Document): void {
  for (const frame of document.querySelectorAll('iframe')) {
    expect(frame.getAttribute('sandbox'), frame.getAttribute('src') ?? '').toBe(SANDBOX)
    frame.removeAttribute('sandbox')
  }
}

function collapse(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim()
}

async function exportedContent(dataset: CareersDataset): Promise<Map<string, string>> {
  const out = mkdtempSync(join(tmpdir(), 'round-trip-export-'))
  await exportSite({
    dataset,
    settings: DEFAULT_SITE_SETTINGS,
    siteDir: join(out, 'site'),
    hugoDir: join(out, 'hugo'),
    drafts: true,
  })
  return contentFiles(join(out, 'hugo', 'content'))
}

describe.each(CORPORA)('the round trip of $name through the real website', ({dir, extra}) => {
  const corpus = contentFiles(dir)
  const postings = [...corpus.keys()].filter((path) => !path.endsWith('_index.md')).length
  let imported: ImportResult
  let dataset: CareersDataset
  let exported: Map<string, string>
  let original: BuiltSite
  let roundTrip: BuiltSite
  let comparison: SiteComparison
  let permalinks: string[]

  beforeAll(async () => {
    imported = await importHugoContent({
      paths: [dir, ...extra],
      siteDir: REAL_SITE_DIR,
      validate: false,
    })
    dataset = createLocalDataset(imported.documents, {now: () => CORPUS_NOW})
    exported = await exportedContent(dataset)
    ;[original, roundTrip] = await Promise.all([
      buildRealSite('original', corpus),
      buildRealSite('round-trip', exported),
    ])
    // `hugo list all` lists the regular pages; the careers list is the section's own page.
    permalinks = [
      ...original.pages.filter((page) => corpus.has(page.path)).map((page) => page.permalink),
      '/career/',
    ].sort()
    comparison = comparePages(original, roundTrip, permalinks, checkAndDropSandbox)
    console.log(
      `Round trip of ${dir} through ${REAL_SITE_DIR}, page by page:\n${comparison.report}`,
    )
  })

  it('imports every page of the corpus (and the careers page) without errors', () => {
    expect(imported.report.issues.filter((issue) => issue.severity === 'error')).toEqual([])
    const hasCareersPage = corpus.has('career/_index.md') || extra.length > 0
    expect(imported.report.counts.careersPage).toBe(hasCareersPage ? 1 : undefined)
    expect(imported.report.counts.posting).toBe(postings)
  })

  it('compares every posting of the corpus and the careers list, on real content', () => {
    expect(permalinks).toHaveLength(postings + 1)
    expect(permalinks).toContain('/career/')
    for (const permalink of permalinks) {
      const facets = pageFacets(
        readFileSync(join(original.publicDir, decodeURIComponent(permalink), 'index.html'), 'utf8'),
      )
      expect(facets.words.length, `${permalink} has its text`).toBeGreaterThan(10)
      expect(facets.title[0], `${permalink} has a title`).toMatch(/\w/)
      expect(facets.sidebar.length, `${permalink} has a sidebar`).toBeGreaterThan(5)
    }
  })

  it('builds the same pages at the same addresses, and the same files', () => {
    const addresses = (site: BuiltSite) => site.pages.map((page) => page.permalink).sort()
    expect(addresses(roundTrip)).toEqual(addresses(original))
    expect(outputFiles(roundTrip)).toEqual(outputFiles(original))
  })

  it('gives pages the website cannot tell apart from the originals', () => {
    expect(comparison.differences.map(({page, facet}) => `${page} ${facet}`)).toEqual([])
  })

  it('shows headings and boxes in the Hugo page’s order on the HTML site and the Studio preview', async () => {
    const slugs = await dataset.fetch(EXPORTABLE_POSTING_SLUGS_QUERY, {}, {perspective: 'drafts'})
    expect(slugs.length).toBe(postings)
    for (const slug of slugs) {
      const posting = await dataset.fetch(POSTING_BY_SLUG_QUERY, {slug}, {perspective: 'drafts'})
      if (!posting) throw new Error(`No posting ${slug}`)
      // The original page is the file the posting came from.
      const path = posting.hugo?.path ?? hugoContentPath(posting).replace(/^content\//, '')
      const permalink = original.pages.find((page) => page.path === path)?.permalink
      expect(permalink, `${slug}: its original page`).toBeDefined()
      const hugoPage = new JSDOM(
        readFileSync(
          join(original.publicDir, decodeURIComponent(permalink ?? ''), 'index.html'),
          'utf8',
        ),
      ).window.document
      // The preview shows exactly what renderPostingPage renders (plugins/careers).
      const ours = new JSDOM(renderPostingPage(posting, DEFAULT_SITE_SETTINGS).html).window.document
      // Headings with their ids and boxes (questions, the process), in page order.
      const outline = (root: Element | null, box: string, notHeadings: string) =>
        [
          ...(root?.querySelectorAll(`h1[id], h2[id], h3[id], h4[id], h5[id], h6[id], ${box}`) ??
            []),
        ]
          .filter((element) => element.matches(box) || !element.matches(notHeadings))
          .map((element) =>
            element.matches(box)
              ? `[box] ${plainTypography(collapse(element.textContent))}`
              : `#${element.id} ${plainTypography(collapse(element.textContent))}`,
          )
      expect(
        outline(
          ours.querySelector('.posting__content'),
          '.recruitment-process > h2, details > summary',
          '#toc-heading, #faq-heading, nav *',
        ),
        slug ?? '',
      ).toEqual(
        outline(
          hugoPage.querySelector('main .content-default-single'),
          '.accordion-box > button',
          'x-none',
        ),
      )
    }
  })

  it('would see a block moved or a heading id changed (the comparison is not blind)', async () => {
    const [file, markdown] =
      [...exported].find(
        ([path, text]) =>
          !path.endsWith('_index.md') &&
          text.includes('{{% /accordion %}}\n\n') &&
          /^## /m.test(text),
      ) ?? []
    if (!file || !markdown) throw new Error('No exported posting with an accordion and headings.')
    const accordion = /\{\{% accordion[\s\S]*?\{\{% \/accordion %\}\}\n/.exec(markdown)?.[0] ?? ''
    const changed = `${markdown.replace(accordion, '')}\n${accordion}`.replace(
      /^(## .*)$/m,
      '$1 {#changed-id}',
    )
    const broken = await buildRealSite('changed', new Map([...exported, [file, changed]]))
    const page = original.pages.find((candidate) => candidate.path === file)?.permalink ?? ''
    const found = comparePages(original, broken, permalinks, checkAndDropSandbox).differences
    expect(new Set(found.map((difference) => difference.page))).toEqual(new Set([page]))
    expect(found.map((difference) => difference.facet)).toEqual(
      expect.arrayContaining(['words', 'headings', 'content', 'document']),
    )
  })
})
