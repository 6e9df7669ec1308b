import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {dirname, join, posix, sep} from 'node:path'

import type {CareersDataset} from '../dataset/types'
import {checkAlias, checkPostingSlug, postingSlugOfPath} from '../model/sitePaths'
import {
  CAREERS_PAGE_QUERY,
  DRAFT_POSTING_IDS_QUERY,
  EXPORTABLE_POSTINGS_QUERY,
  FEED_POSTINGS_QUERY,
  OPEN_POSTINGS_QUERY,
  POSTING_BY_ID_QUERY,
  POSTING_ROUTES_QUERY,
  SITEMAP_POSTINGS_QUERY,
  UNREADABLE_CLOSING_DATE_QUERY,
} from '../queries/queries'
import {
  buildRedirects,
  checkFeedPostings,
  checkPostingCards,
  checkPostingPageData,
  checkPostingRoutes,
  checkSitemapPostings,
  dataIssue,
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
  type PostingPageData,
  type PostingRoute,
  type Redirect,
  type RenderIssue,
  type SiteSettings,
} from '../render'
import {
  careersPageContentPath,
  careersPageToHugoMarkdown,
  hugoContentPath,
  postingToHugoMarkdown,
} from './hugoMarkdown'

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
  id: string
  slug: string
  title: string
  draft: boolean
  issues: RenderIssue[]
}

/** A posting the export left out, and every field that kept it out. */
export interface SkippedPosting {
  id: string
  slug: string | null
  problems: SkipReason[]
}

/** Why a posting was left out: the field ("publishedAt", "aliases[1]") and what to do. */
export interface SkipReason {
  field: string
  message: string
}

export interface ExportReport {
  source: string
  perspective: 'published' | 'drafts'
  postings: ExportedPosting[]
  /** Postings not exported; the rest were. A command should fail when there are any. */
  skipped: SkippedPosting[]
  /** Redirects of expired postings left out because their address is taken. */
  droppedRedirects: {id?: string; field: string; message: string}[]
  redirects: number
}

/** The stylesheet of the exported site, next to this module's renderer. */
export const SITE_STYLESHEET_FILE = new URL('../render/site.css', import.meta.url)

/**
 * Export the open postings of a dataset as a static HTML site and as Hugo content. A posting
 * that cannot be exported safely (a field of the wrong type, a date that is none, a web address
 * or an old address that would take another page's place) is skipped and reported with the
 * field; the rest are exported. Both trees are built in temporary directories and swapped in at
 * the end, so a failed write leaves the previous output untouched.
 */
export async function exportSite(options: ExportOptions): Promise<ExportReport> {
  const {dataset, settings} = options
  const perspective = options.drafts ? 'drafts' : 'published'
  const fetchOptions = {perspective} as const
  const skipped = new Map<string, SkippedPosting>()
  const skip = (id: string, slug: string | null, problems: SkipReason[]) => {
    const entry = skipped.get(id) ?? {id, slug, problems: []}
    entry.problems.push(...problems)
    skipped.set(id, entry)
  }

  const listed = await dataset.fetch(EXPORTABLE_POSTINGS_QUERY, {}, fetchOptions)
  for (const unreadable of await dataset.fetch(UNREADABLE_CLOSING_DATE_QUERY, {}, fetchOptions)) {
    skip(unreadable._id, typeof unreadable.slug === 'string' ? unreadable.slug : null, [
      {
        field: 'validThrough',
        message: `${JSON.stringify(unreadable.validThrough)} is not a date, so the posting is neither open nor closed: set the closing date.`,
      },
    ])
  }
  const draftIds = new Set(await dataset.fetch(DRAFT_POSTING_IDS_QUERY, {}, {perspective: 'raw'}))
  const plan = new SitePlan()
  const siteFiles = [
    join(settings.careersPath, 'index.html'),
    join(settings.careersPath, 'feed.json'),
    join(settings.careersPath, 'atom.xml'),
    'sitemap.xml',
    '_redirects',
    'index.html',
    settings.stylesheetPath,
  ]
  for (const file of siteFiles) plan.claim(file, {description: 'a file of the website'})

  const rendered: {
    posting: PostingPageData
    exported: ExportedPosting
    markdown: string
    html: string
  }[] = []
  const openSlugs = new Set(listed.flatMap(({slug}) => (typeof slug === 'string' ? [slug] : [])))
  const claimsOnPages = new Map<string, string[]>()
  for (const {_id: id, slug} of settleSlugs(listed, skip)) {
    const stored = await dataset.fetch(POSTING_BY_ID_QUERY, {id}, fetchOptions)
    const checked = checkPostingPageData(stored)
    const posting = checked.value
    if (!posting) {
      skip(id, slug, [
        {field: 'posting', message: 'It changed while exporting; run the export again.'},
      ])
      continue
    }
    // Values outside a field's choices have defaults and are reported with the page; values of
    // the wrong type, dates that are none and addresses that are taken keep the posting out.
    const aliases = aliasProblems(posting, settings, openSlugs)
    for (const {claimedSlug} of aliases) {
      if (claimedSlug)
        claimsOnPages.set(claimedSlug, [...(claimsOnPages.get(claimedSlug) ?? []), id])
    }
    const problems = [
      ...checked.problems.filter((problem) => problem.severity === 'error'),
      ...aliases,
    ].map(({field, message}) => ({field, message}))
    if (problems.length) {
      skip(id, slug, problems)
      continue
    }
    const draft = options.drafts === true && draftIds.has(`drafts.${id}`)
    try {
      const page = renderPostingPage(posting, settings)
      const markdown = postingToHugoMarkdown(posting, {draft, embedOrigins: settings.embedOrigins})
      const missing = findMissingJobPostingFields(page.jsonLd)
        .filter((field) => field.level === 'recommended')
        .map((field) => ({
          path: field.field,
          message: `Recommended for Google for Jobs: ${field.fix}`,
        }))
      const exported = {
        id,
        slug,
        title: posting.title ?? slug,
        draft,
        // The values left out with a default: the renderers saw the posting without them.
        issues: [
          ...checked.problems.map(dataIssue),
          ...page.issues,
          ...markdown.issues,
          ...missing,
        ],
      }
      rendered.push({posting, exported, markdown: markdown.markdown, html: page.html})
    } catch (error) {
      // The renderers do not throw on stored data; should one still, the rest are exported.
      skip(id, slug, [{field: 'posting', message: `It could not be rendered: ${messageOf(error)}`}])
    }
  }

  // Pages first, then old addresses: an alias never takes a posting's place, whatever the order.
  const pages = rendered.filter(({exported}) => {
    const page = join(postingPath(settings, exported.slug), 'index.html')
    const owner = {id: exported.id, description: `the page of "${exported.slug}"`}
    const taken = plan.claim(page, owner)
    if (taken)
      skip(exported.id, exported.slug, [
        {field: 'slug', message: `Its page would replace ${taken.description}.`},
      ])
    return !taken
  })
  const routes =
    checkPostingRoutes(await dataset.fetch(POSTING_ROUTES_QUERY, {}, fetchOptions)).value ?? []
  const openRoutes: PostingRoute[] = pages.map(({posting, exported}) => ({
    _id: exported.id,
    slug: exported.slug,
    aliases: posting.aliases ?? [],
    isOpen: true,
  }))
  const exportedIds = new Set(pages.map(({exported}) => exported.id))
  const expiredRoutes = routes.filter(
    (route) => !route.isOpen && !exportedIds.has(route._id) && !skipped.has(route._id),
  )
  const redirects: Redirect[] = []
  const droppedRedirects: ExportReport['droppedRedirects'] = []
  const byId = new Map(pages.map((page) => [page.exported.id, page]))
  // Open postings' old addresses before the redirects of expired ones: HR asked for those.
  for (const route of [...sortRoutes(openRoutes), ...sortRoutes(expiredRoutes)]) {
    const own = buildRedirects([route], settings)
    const conflicts = own.flatMap((redirect) => {
      const taken = plan.conflict(join(redirect.folder, 'index.html'))
      return taken ? [{redirect, taken}] : []
    })
    const page = route._id === undefined ? undefined : byId.get(route._id)
    if (page && conflicts.length) {
      // An open posting's old address on a taken path: the posting is skipped, as HR asked
      // for something the site cannot do. Whoever holds the path is told, too.
      skip(
        page.exported.id,
        page.exported.slug,
        conflicts.map(({redirect, taken}) => ({
          field: redirect.field,
          message: `The old address "${redirect.from}" is ${taken.description}: remove it from the old addresses.`,
        })),
      )
      plan.release(page.exported.id)
      exportedIds.delete(page.exported.id)
      for (const {redirect, taken} of conflicts) {
        const holder = taken.id === undefined ? undefined : byId.get(taken.id)
        holder?.exported.issues.push({
          path: 'aliases',
          message: `The posting ${page.exported.id} also asked for "${redirect.from}" and was skipped.`,
        })
      }
      continue
    }
    for (const {redirect, taken} of conflicts) {
      droppedRedirects.push({
        id: route._id,
        field: redirect.field,
        message: `The redirect from "${redirect.from}" was left out: that address is ${taken.description}.`,
      })
    }
    for (const redirect of own) {
      const description = `an old address of "${route.slug ?? ''}"`
      if (!plan.claim(join(redirect.folder, 'index.html'), {id: route._id, description})) {
        redirects.push(redirect)
      }
    }
  }
  const exportedPages = pages.filter(({exported}) => exportedIds.has(exported.id))
  // Both postings hear of an old address that asked for another's page.
  for (const {exported} of exportedPages) {
    for (const claimant of claimsOnPages.get(exported.slug) ?? []) {
      exported.issues.push({
        path: 'slug',
        message: `The posting ${claimant} asked for this page's address as an old address and was skipped.`,
      })
    }
  }
  redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))

  const [cards, feedItems, sitemapItems] = await Promise.all([
    dataset.fetch(OPEN_POSTINGS_QUERY, {language: null}, fetchOptions),
    dataset.fetch(FEED_POSTINGS_QUERY, {}, fetchOptions),
    dataset.fetch(SITEMAP_POSTINGS_QUERY, {}, fetchOptions),
  ])
  // Lists show only what was exported: no card, feed item or sitemap entry for a skipped page.
  const exportedOnly = <T extends {_id: string}>(items: T[] | undefined) =>
    (items ?? []).filter((item) => exportedIds.has(item._id))
  const site = new Map<string, string>()
  site.set(
    join(settings.careersPath, 'index.html'),
    renderCareersIndex(exportedOnly(checkPostingCards(cards).value), settings),
  )
  const feed = exportedOnly(checkFeedPostings(feedItems).value)
  site.set(join(settings.careersPath, 'feed.json'), renderJsonFeed(feed, settings))
  site.set(join(settings.careersPath, 'atom.xml'), renderAtomFeed(feed, settings))
  site.set(
    'sitemap.xml',
    renderSitemap(sitemapEntries(exportedOnly(checkSitemapPostings(sitemapItems).value), settings)),
  )
  site.set('_redirects', renderRedirectsFile(redirects))
  site.set('index.html', renderRedirectPage({to: settings.careersPath}, settings))
  site.set(settings.stylesheetPath, await readFile(SITE_STYLESHEET_FILE, 'utf8'))
  const hugo = new Map<string, string>()
  for (const {posting, exported, html, markdown} of exportedPages) {
    site.set(join(postingPath(settings, exported.slug), 'index.html'), html)
    hugo.set(hugoContentPath({slug: exported.slug, hugo: posting.hugo}), markdown)
  }
  for (const redirect of redirects) {
    site.set(join(redirect.folder, 'index.html'), renderRedirectPage(redirect, settings))
  }

  // The careers section's own page, written back as its _index.md.
  const careersPage = await dataset.fetch(CAREERS_PAGE_QUERY, {}, fetchOptions)
  if (careersPage) {
    const draft = options.drafts === true && draftIds.has(`drafts.${careersPage._id}`)
    hugo.set(
      careersPageContentPath(careersPage),
      careersPageToHugoMarkdown(careersPage, {draft, embedOrigins: settings.embedOrigins}).markdown,
    )
  }

  await replaceDirectories([
    {dir: options.siteDir, files: site},
    {dir: options.hugoDir, files: hugo},
  ])
  return {
    source: dataset.description,
    perspective,
    postings: exportedPages.map(({exported}) => exported),
    skipped: [...skipped.values()],
    droppedRedirects,
    redirects: redirects.length,
  }
}

/**
 * Postings with a usable web address, one per address. Two postings asking for the same one are
 * both reported: the one published first keeps it (then the lower id), the other is skipped.
 */
function settleSlugs(
  listed: readonly {_id: string; slug: unknown; publishedAt: unknown}[],
  skip: (id: string, slug: string | null, problems: SkipReason[]) => void,
): {_id: string; slug: string}[] {
  const bySlug = new Map<string, {_id: string; publishedAt: unknown}[]>()
  for (const posting of listed) {
    const check = checkPostingSlug(posting.slug)
    const slug = typeof posting.slug === 'string' ? posting.slug : null
    if (!check.ok || slug === null) {
      skip(posting._id, slug, [
        {field: 'slug', message: check.ok ? 'It has no web address.' : check.reason},
      ])
      continue
    }
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), posting])
  }
  const settled: {_id: string; slug: string}[] = []
  for (const [slug, claimants] of bySlug) {
    const [winner, ...others] = [...claimants].sort(
      (a, b) =>
        publicationTime(a.publishedAt) - publicationTime(b.publishedAt) || (a._id < b._id ? -1 : 1),
    )
    if (!winner) continue
    settled.push({_id: winner._id, slug})
    for (const other of others) {
      skip(other._id, slug, [
        {
          field: 'slug',
          message: `The posting ${winner._id} has the same web address "${slug}" and was published first, so it keeps it: give this one another web address.`,
        },
      ])
    }
  }
  // Back in the order the query gave (newest first), for a stable report.
  const order = new Map(listed.map((posting, index) => [posting._id, index]))
  return settled.sort((a, b) => (order.get(a._id) ?? 0) - (order.get(b._id) ?? 0))
}

function publicationTime(value: unknown): number {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time
}

/**
 * What is wrong with a posting's old addresses by themselves, or because they are the address
 * of another open posting (exported or skipped: its page is to be there). An expired posting's
 * address may be taken over: its redirect to the careers index gives way.
 */
function aliasProblems(
  posting: PostingPageData,
  settings: SiteSettings,
  openSlugs: ReadonlySet<string>,
): (SkipReason & {claimedSlug?: string})[] {
  return (posting.aliases ?? []).flatMap((alias, index) => {
    const check = checkAlias(alias, settings)
    const field = `aliases[${index}]`
    if (!check.ok) return [{field, message: check.reason}]
    const slug = postingSlugOfPath(check.path, settings.careersPath)
    return slug !== undefined && slug !== posting.slug && openSlugs.has(slug)
      ? [
          {
            field,
            claimedSlug: slug,
            message: `The old address "${alias}" is the address of the posting "${slug}": remove it from the old addresses.`,
          },
        ]
      : []
  })
}

function sortRoutes(routes: PostingRoute[]): PostingRoute[] {
  return routes.sort((a, b) =>
    (a.slug ?? '') < (b.slug ?? '')
      ? -1
      : (a.slug ?? '') > (b.slug ?? '')
        ? 1
        : a._id < b._id
          ? -1
          : 1,
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Who a path of the site belongs to, in words for the report. */
interface PathOwner {
  id?: string
  description: string
}

/**
 * The paths the export writes, each claimed once: a path claimed twice, or a file where another
 * claim needs a folder, is a conflict instead of two writes racing for one file.
 */
class SitePlan {
  private readonly files = new Map<string, PathOwner>()
  private readonly folders = new Map<string, PathOwner>()

  /** Claims `path` for `owner`; returns who already holds it, or undefined when it was free. */
  claim(path: string, owner: PathOwner): PathOwner | undefined {
    const taken = this.conflict(path)
    if (taken) return taken
    const file = normaliseSitePath(path)
    if (file === undefined) return {description: 'outside the website'}
    this.files.set(file, owner)
    for (const folder of foldersOf(file))
      if (!this.folders.has(folder)) this.folders.set(folder, owner)
    return undefined
  }

  /** Who holds `path`, a folder of it, or a file inside it. */
  conflict(path: string): PathOwner | undefined {
    const file = normaliseSitePath(path)
    if (file === undefined) return {description: 'outside the website'}
    return (
      this.files.get(file) ??
      this.folders.get(file) ??
      foldersOf(file)
        .map((folder) => this.files.get(folder))
        .find(Boolean)
    )
  }

  /** Gives back every path `id` holds. */
  release(id: string): void {
    for (const [file, owner] of this.files) if (owner.id === id) this.files.delete(file)
    this.folders.clear()
    for (const [file, owner] of this.files) {
      for (const folder of foldersOf(file))
        if (!this.folders.has(folder)) this.folders.set(folder, owner)
    }
  }
}

/** "career/x/index.html" for "/career/x/index.html"; undefined for a path that leaves the site. */
function normaliseSitePath(path: string): string | undefined {
  const normal = posix.normalize(`/${path.split(sep).join('/')}`).replace(/^\/+/, '')
  return normal && !normal.split('/').includes('..') ? normal : undefined
}

function foldersOf(file: string | undefined): string[] {
  const parts = (file ?? '').split('/').slice(0, -1)
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'))
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
  // The tree itself even when it has no files (every posting skipped): it still replaces the old.
  await mkdir(staging, {recursive: true})
  const targets = [...tree.files].map(([relativePath, content]) => {
    const target = join(staging, relativePath)
    if (!target.startsWith(staging + sep))
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
