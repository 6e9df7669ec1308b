import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'

import type {CareersDataset} from '../dataset/types'
import {
  DRAFT_POSTING_IDS_QUERY,
  EXPORTABLE_POSTING_SLUGS_QUERY,
  FEED_POSTINGS_QUERY,
  OPEN_POSTINGS_QUERY,
  POSTING_BY_SLUG_QUERY,
  POSTING_ROUTES_QUERY,
  SITEMAP_POSTINGS_QUERY,
} from '../queries/queries'
import {
  buildRedirects,
  findMissingJobPostingFields,
  postingPath,
  renderAtomFeed,
  renderCareersIndex,
  renderJsonFeed,
  renderPostingPage,
  renderRedirectPage,
  renderRedirectsFile,
  renderSitemap,
  sitemapEntries,
  type RenderIssue,
  type SiteSettings,
} from '../render'
import {postingToHugoMarkdown} from './hugoMarkdown'

export interface ExportOptions {
  dataset: CareersDataset
  settings: SiteSettings
  /** Directory for the HTML site, replaced as a whole when the export succeeds. */
  siteDir: string
  /** Directory for the Hugo content (content/career/<slug>.md), replaced likewise. */
  hugoDir: string
  /** Export what editors see in the Studio (drafts over published) instead of what is published. */
  drafts?: boolean
}

export interface ExportedPosting {
  slug: string
  title: string
  draft: boolean
  issues: RenderIssue[]
}

export interface ExportReport {
  source: string
  perspective: 'published' | 'drafts'
  postings: ExportedPosting[]
  redirects: number
}

/** The stylesheet of the exported site, next to this module's renderer. */
export const SITE_STYLESHEET_FILE = new URL('../render/site.css', import.meta.url)

/**
 * Export the open postings of a dataset as a static HTML site and as Hugo content. Both trees are
 * built in temporary directories and swapped in at the end, so a failed export leaves the
 * previous output untouched.
 */
export async function exportSite(options: ExportOptions): Promise<ExportReport> {
  const {dataset, settings} = options
  const perspective = options.drafts ? 'drafts' : 'published'
  const fetchOptions = {perspective} as const

  const slugs = await dataset.fetch(EXPORTABLE_POSTING_SLUGS_QUERY, {}, fetchOptions)
  assertUsableSlugs(slugs)
  const draftIds = new Set(await dataset.fetch(DRAFT_POSTING_IDS_QUERY, {}, {perspective: 'raw'}))

  const site = new Map<string, string>()
  const hugo = new Map<string, string>()
  const postings: ExportedPosting[] = []
  for (const slug of slugs) {
    const posting = await dataset.fetch(POSTING_BY_SLUG_QUERY, {slug}, fetchOptions)
    if (!posting)
      throw new Error(`The posting "${slug}" disappeared while exporting; run the export again.`)
    const draft = options.drafts === true && draftIds.has(`drafts.${posting._id}`)
    const page = renderPostingPage(posting, settings)
    const markdown = postingToHugoMarkdown(posting, {draft})
    site.set(join(postingPath(settings, slug), 'index.html'), page.html)
    hugo.set(join('content', 'career', `${slug}.md`), markdown.markdown)
    const missing = findMissingJobPostingFields(page.jsonLd)
      .filter((field) => field.level === 'recommended')
      .map((field) => ({
        path: field.field,
        message: `Recommended for Google for Jobs: ${field.fix}`,
      }))
    postings.push({
      slug,
      title: posting.title ?? slug,
      draft,
      issues: [...page.issues, ...markdown.issues, ...missing],
    })
  }

  const [cards, feedItems, sitemapItems, routes] = await Promise.all([
    dataset.fetch(OPEN_POSTINGS_QUERY, {language: null}, fetchOptions),
    dataset.fetch(FEED_POSTINGS_QUERY, {}, fetchOptions),
    dataset.fetch(SITEMAP_POSTINGS_QUERY, {}, fetchOptions),
    dataset.fetch(POSTING_ROUTES_QUERY, {}, fetchOptions),
  ])
  const redirects = buildRedirects(routes, settings)
  site.set(join(settings.careersPath, 'index.html'), renderCareersIndex(cards, settings))
  site.set(join(settings.careersPath, 'feed.json'), renderJsonFeed(feedItems, settings))
  site.set(join(settings.careersPath, 'atom.xml'), renderAtomFeed(feedItems, settings))
  site.set('sitemap.xml', renderSitemap(sitemapEntries(sitemapItems, settings)))
  site.set('_redirects', renderRedirectsFile(redirects))
  site.set('index.html', renderRedirectPage({from: '/', to: settings.careersPath}, settings))
  for (const redirect of redirects) {
    site.set(join(redirect.from, 'index.html'), renderRedirectPage(redirect, settings))
  }
  site.set(settings.stylesheetPath, await readFile(SITE_STYLESHEET_FILE, 'utf8'))

  await replaceDirectories([
    {dir: options.siteDir, files: site},
    {dir: options.hugoDir, files: hugo},
  ])
  return {source: dataset.description, perspective, postings, redirects: redirects.length}
}

function assertUsableSlugs(slugs: readonly (string | null)[]): asserts slugs is string[] {
  const seen = new Set<string>()
  for (const slug of slugs) {
    if (!slug)
      throw new Error('A posting to export has no web address (slug): set it in the Studio.')
    if (!/^[\w.-]+$/.test(slug))
      throw new Error(`The slug "${slug}" cannot be a file name: use letters, digits and hyphens.`)
    if (seen.has(slug))
      throw new Error(
        `Two postings share the slug "${slug}": give one of them another web address.`,
      )
    seen.add(slug)
  }
}

/** Files written at once: enough to keep the disk busy while the CPU renders, few enough for fds. */
const WRITE_CONCURRENCY = 32

interface OutputTree {
  dir: string
  files: ReadonlyMap<string, string>
}

/**
 * Write each tree's files into a sibling temporary directory, then swap them all in: a failed
 * write leaves every previous output untouched.
 */
async function replaceDirectories(trees: readonly OutputTree[]): Promise<void> {
  const staged = trees.map(({dir, files}) => ({
    dir,
    files,
    staging: `${dir}.tmp-${process.pid}`,
    previous: `${dir}.old-${process.pid}`,
  }))
  try {
    await forEachConcurrently(staged, staged.length, writeTree)
    for (const {dir, staging, previous} of staged) {
      await mkdir(dirname(dir), {recursive: true})
      await rm(previous, {recursive: true, force: true})
      await rename(dir, previous).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
      })
      await rename(staging, dir)
    }
    for (const {previous} of staged) await rm(previous, {recursive: true, force: true})
  } catch (error) {
    for (const {staging} of staged) await rm(staging, {recursive: true, force: true})
    throw error
  }
}

async function writeTree(tree: {staging: string; files: ReadonlyMap<string, string>}) {
  const {staging} = tree
  await rm(staging, {recursive: true, force: true})
  const targets = [...tree.files].map(([relativePath, content]) => {
    const target = join(staging, relativePath)
    if (!target.startsWith(staging))
      throw new Error(`Refusing to write outside the output: ${relativePath}`)
    return {target, content}
  })
  // Each directory once, before the files in it: most hold a single index.html.
  const directories = new Set(targets.map(({target}) => dirname(target)))
  await forEachConcurrently([...directories], WRITE_CONCURRENCY, (directory) =>
    mkdir(directory, {recursive: true}),
  )
  await forEachConcurrently(targets, WRITE_CONCURRENCY, ({target, content}) =>
    writeFile(target, content),
  )
}

/**
 * Run `task` on every item with at most `limit` running at a time. On the first failure no new
 * task starts, and it rejects only once the running ones have settled, so the caller can remove
 * what they wrote without a late write recreating it. (A dozen lines rather than a dependency.)
 */
async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0
  let failed = false
  const lanes = Array.from({length: Math.min(limit, items.length)}, async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T
      await task(item).catch((error: unknown) => {
        failed = true
        throw error
      })
    }
  })
  const results = await Promise.allSettled(lanes)
  const failure = results.find((result) => result.status === 'rejected')
  if (failure) throw failure.reason
}
