import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {beforeAll, describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'

import type {CareersDataset} from '../../lib/dataset'
import {exportSite, type ExportReport} from '../../lib/export/exportSite'
import {hugoContentPath} from '../../lib/export/hugoMarkdown'
import {POSTING_BY_SLUG_QUERY} from '../../lib/queries/queries'
import {DEFAULT_SITE_SETTINGS} from '../../lib/render'
import {createLocalDataset} from '../../lib/dataset'
import {careersFixture, FIXTURE_NOW} from '../fixtures/documents/careers'
import {plainTypography} from '../roundtrip/pageFacets'
import {buildRealSite, contentFiles, type BuiltSite} from '../roundtrip/realSite'
import {CORPUS_CONTENT_DIR, EXAMPLE_CONTENT_DIR, type ImportedCorpus} from './corpus'
import {normaliseText, parseHtml} from './pageAssertions'
import {postingTextFragments} from './postingText'

interface HugoBuild {
  report: ExportReport
  site: BuiltSite
  /** The exported Hugo content, by path under content/. */
  content: Map<string, string>
  dataset: CareersDataset
}

/** Export with drafts (every posting), then build the markdown with the website's own templates. */
async function exportAndBuild(label: string, dataset: CareersDataset): Promise<HugoBuild> {
  const out = mkdtempSync(join(tmpdir(), 'hugo-export-'))
  const report = await exportSite({
    dataset,
    settings: DEFAULT_SITE_SETTINGS,
    siteDir: join(out, 'site'),
    hugoDir: join(out, 'hugo'),
    drafts: true,
  })
  const content = contentFiles(join(out, 'hugo', 'content'))
  return {report, site: await buildRealSite(label, content), content, dataset}
}

function describeRoundTrip(name: string, build: () => HugoBuild): void {
  it(`${name}: the website builds every exported posting and shows all of its text`, async () => {
    const {report, site, dataset} = build()
    expect(report.postings.length).toBeGreaterThan(0)
    for (const exported of report.postings) {
      const posting = await dataset.fetch(
        POSTING_BY_SLUG_QUERY,
        {slug: exported.slug},
        {perspective: 'drafts'},
      )
      if (!posting) throw new Error(`No posting ${exported.slug}`)
      const path = hugoContentPath(posting).replace(/^content\//, '')
      const permalink = site.pages.find((page) => page.path === path)?.permalink
      expect(permalink, `${exported.slug} built`).toBeDefined()
      const pageFile = join(site.publicDir, decodeURIComponent(permalink ?? ''), 'index.html')
      const document = parseHtml(readFileSync(pageFile, 'utf8'))
      // A line break is a space to a reader (the website's minifier drops the newline after <br>).
      for (const lineBreak of document.querySelectorAll('br')) lineBreak.replaceWith(' ')
      // The website puts the title and intro in a header above <main>, and its typographer
      // curls quotes and joins dashes: compare the words, not the typography.
      const pageText = plainTypography(normaliseText(document.body.textContent ?? ''))
      expect(pageText, `${exported.slug} has no unrendered shortcode`).not.toMatch(/\{\{[<%]/)
      expect(normaliseText(document.querySelector('h1')?.textContent ?? '')).toBe(posting.title)
      const missing = postingTextFragments(posting).filter(
        (fragment) => !pageText.includes(plainTypography(fragment)),
      )
      expect(missing, `${exported.slug}: text missing from the website's page`).toEqual([])
      const ids = new Set([...document.querySelectorAll('[id]')].map((element) => element.id))
      const brokenJumps = [
        ...document.querySelectorAll('main .content-default-single a[href^="#"]'),
      ]
        .map((link) => decodeURIComponent(link.getAttribute('href')?.slice(1) ?? ''))
        .filter((id) => !ids.has(id))
      expect(brokenJumps, `${exported.slug}: in-page links without a target`).toEqual([])
    }
  })
}

/** The Hugo export of the corpus and the fixtures, proven by building it with Hugo. */
export function describeHugoRoundTrip(corpus: () => ImportedCorpus): void {
  describe('Hugo export', () => {
    let corpusBuild: HugoBuild
    let fixtureBuild: HugoBuild
    beforeAll(async () => {
      ;[corpusBuild, fixtureBuild] = await Promise.all([
        exportAndBuild('corpus', corpus().dataset),
        exportAndBuild('fixtures', createLocalDataset(careersFixture, {now: () => FIXTURE_NOW})),
      ])
    })

    describeRoundTrip('corpus', () => corpusBuild)
    describeRoundTrip('fixtures', () => fixtureBuild)

    it('keeps drafts as drafts and the front matter the website reads', () => {
      for (const exported of corpusBuild.report.postings) {
        const [, markdown = ''] =
          [...corpusBuild.content].find(([path]) => path.endsWith(`/${exported.slug}.md`)) ?? []
        expect(markdown).toMatch(/^---\n[Tt]itle: /)
        expect(frontMatterOf(markdown).draft).toBe(exported.draft)
      }
      expect(corpusBuild.report.postings.filter((posting) => posting.draft).length).toBeGreaterThan(
        0,
      )
    })
  })
}

/** The front matter of a Hugo page, keys lower-cased as Hugo reads them. */
function frontMatterOf(markdown: string): Record<string, unknown> {
  const yaml = /^---\n([\s\S]*?)\n---/.exec(markdown)?.[1] ?? ''
  const values = (parseYaml(yaml) ?? {}) as Record<string, unknown>
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key.toLowerCase(), value]),
  )
}

const isBlank = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '')

/**
 * Values equal as the website uses them: dates by instant, the language code by letters, the
 * team by name regardless of case (a team is one shared document, so "Platform team" and
 * "platform team" in two files become the same team).
 */
function sameValue(key: string, original: unknown, exported: unknown): boolean {
  if (key === 'date') return Date.parse(String(original)) === Date.parse(String(exported))
  if (key === 'language' || key === 'team') {
    return String(original).trim().toLowerCase() === String(exported).toLowerCase()
  }
  if (typeof original === 'string') return original.trim() === String(exported).trim()
  return JSON.stringify(original) === JSON.stringify(exported)
}

/** Each corpus file's front matter survives import and export, key by key. */
export function describeFrontMatterRoundTrip(corpus: () => ImportedCorpus): void {
  it('writes back every front-matter value of the original files', async () => {
    const out = mkdtempSync(join(tmpdir(), 'front-matter-'))
    const {dataset} = corpus()
    const report = await exportSite({
      dataset,
      settings: DEFAULT_SITE_SETTINGS,
      siteDir: join(out, 'site'),
      hugoDir: join(out, 'hugo'),
      drafts: true,
    })
    // An ad-hoc query: the source path is only needed by this test, so it has no typed constant.
    const sources = (await dataset.fetch(
      '*[_type == "posting"]{"slug": slug.current, "path": hugo.path}',
      {},
      {perspective: 'drafts'},
    )) as {slug: string; path: string}[]
    expect(sources.length).toBe(report.postings.length)
    for (const {slug, path} of sources) {
      const file = [CORPUS_CONTENT_DIR, EXAMPLE_CONTENT_DIR]
        .map((dir) => join(dir, path))
        .find(existsSync)
      if (!file) throw new Error(`The source of ${slug} (${path}) is in neither content folder.`)
      const original = frontMatterOf(readFileSync(file, 'utf8'))
      const exported = frontMatterOf(
        readFileSync(join(out, 'hugo', 'content', path.replace(/[^/]*$/, `${slug}.md`)), 'utf8'),
      )
      const differences = Object.entries(original)
        .filter(([, value]) => !isBlank(value))
        .filter(([key, value]) => !sameValue(key, value, exported[key]))
        .map(
          ([key, value]) =>
            `${key}: ${JSON.stringify(value)} became ${JSON.stringify(exported[key])}`,
        )
      expect(differences, file).toEqual([])
    }
  })
}
