import type {SanityDocument} from 'sanity'

import {splitFrontMatter, stringValue, type FrontMatter} from '../hugo/frontMatter'
import {parseShortcodes, type HugoNode} from '../hugo/shortcodes'
import {validateDocuments} from '../sanity/validateDocuments'
import {AssetResolver} from './assets'
import {collectMarkdownFiles, readPostingText, type MarkdownFile} from './files'
import {DRAFT_PREFIX} from './keys'
import {sortDocuments} from './order'
import {PageReferences} from './pageRefs'
import {mapCareersPage, mapPosting, type PageServices} from './posting'
import {SharedDocuments} from './shared'
import {knownTemplate} from './shortcodes'
import {readSiteTemplates, type SiteTemplates} from './siteTemplates'
import {linkTranslations} from './translations'
import type {FileOutcome, ImportedDocument, ImportIssue, ImportOptions, ImportResult} from './types'

export {readNdjson, toNdjson, writeNdjsonAtomic} from './ndjson'
export {keepPreviousVersions} from './previous'
export type * from './types'

/**
 * Hugo careers pages to Sanity documents. One core for the CLI, the migration and the tests: it
 * reads, maps and reports, and never writes anywhere itself.
 */
export async function importHugoContent(options: ImportOptions): Promise<ImportResult> {
  const {files, issues} = collectMarkdownFiles(options.paths)
  const site = options.siteDir ? readSiteTemplates(options.siteDir) : undefined
  const services: PageServices = {
    shared: new SharedDocuments(),
    assets: new AssetResolver(options.assetsDir),
    pageRefs: new PageReferences(
      [...new Set(files.map((file) => file.contentRoot))],
      site?.baseUrl,
    ),
    embedOrigins: options.embedOrigins,
  }
  const mapped: {posting: ImportedDocument; translationKey?: string}[] = []
  const pages: ImportedDocument[] = []
  const outcomes: FileOutcome[] = []

  const seen = new Map<string, string>()
  files.forEach((file, index) => {
    const earlier = seen.get(file.relative)
    seen.set(file.relative, file.absolute)
    const result = earlier
      ? {
          issues: [
            {
              severity: 'error' as const,
              file: file.relative,
              line: 1,
              message: `Another file has the same page path (${earlier}); only the first one is imported.`,
            },
          ],
        }
      : importFileSafely(file, services, site)
    issues.push(...result.issues)
    const document = result.posting ?? result.page
    outcomes.push({
      file: file.relative,
      status: document ? 'imported' : result.skipped ? 'skipped' : 'failed',
      documentIds: document ? referencedIds(document) : [],
    })
    if (result.posting)
      mapped.push({posting: result.posting, translationKey: result.translationKey})
    if (result.page) pages.push(result.page)
    options.onProgress?.({file: file.relative, done: index + 1, total: files.length})
  })

  linkTranslations(mapped)
  const postings = mapped.map(({posting}) => posting)
  const documents = sortDocuments([...services.shared.documents(), ...pages, ...postings])
  if (options.validate !== false)
    issues.push(...(await schemaFindings(documents, outcomes, options.validationWorkers)))
  const counts: Record<string, number> = {}
  for (const document of documents) counts[document._type] = (counts[document._type] ?? 0) + 1
  const filesRead = new Set(outcomes.map((outcome) => outcome.file))
  const failedInputs = issues.filter(
    (issue) => issue.severity === 'error' && !filesRead.has(issue.file),
  )
  return {
    documents,
    report: {
      files: outcomes,
      issues: issues.sort(compareIssues),
      counts,
      drafts: documents.filter((document) => document._id.startsWith(DRAFT_PREFIX)).length,
      failedFiles:
        outcomes.filter((outcome) => outcome.status === 'failed').length + failedInputs.length,
    },
  }
}

interface FileResult {
  posting?: ImportedDocument
  /** The careers section's own page. */
  page?: ImportedDocument
  translationKey?: string
  /** Read, and left out on purpose (a list page of another section). */
  skipped?: boolean
  issues: ImportIssue[]
}

/** One file; a bug met on one file is reported against it and never stops the others. */
function importFileSafely(
  file: MarkdownFile,
  services: PageServices,
  site: SiteTemplates | undefined,
): FileResult {
  try {
    const result = importFile(file, services, site)
    return {...result, issues: capIssues(result.issues)}
  } catch (error) {
    return {
      issues: [
        {
          severity: 'error',
          file: file.relative,
          message: `The import could not read this file (${error instanceof Error ? error.message : String(error)}); the other files were imported. Please report this file.`,
        },
      ],
    }
  }
}

function importFile(
  file: MarkdownFile,
  services: PageServices,
  site: SiteTemplates | undefined,
): FileResult {
  const located = (issue: Omit<ImportIssue, 'file'>): ImportIssue => ({
    ...issue,
    file: file.relative,
  })
  const read = readPostingText(file)
  if ('issue' in read) return {issues: [located(read.issue)]}
  const page = splitFrontMatter(read.text)
  if (!('frontMatter' in page)) return {issues: page.issues.map(located)}
  const issues = page.issues.map(located)
  const kind = pageKind(file.relative, page.frontMatter)
  if (kind === 'other list') {
    issues.push(
      located({
        severity: 'info',
        line: 1,
        message:
          'A list page of a section, not a posting: left out (it stays in the website as it is).',
      }),
    )
    return {issues, skipped: true}
  }
  if (!stringValue(page.frontMatter, 'title')) {
    return {
      issues: [
        ...issues,
        located({
          severity: 'error',
          line: page.frontMatter.lines.title ?? 1,
          field: 'title',
          message: 'The page has no title: add "title: …" to the front matter.',
        }),
      ],
    }
  }
  const parsed = parseShortcodes(page.body, {
    firstLine: page.bodyLine,
    template: (name) => knownTemplate(name) ?? site?.shortcodes.get(name),
  })
  issues.push(...parsed.issues.map(located))
  if (site) issues.push(...missingTemplates(parsed.nodes, site).map(located))
  if (issues.some((issue) => issue.severity === 'error')) return {issues}
  const input = {file: file.relative, frontMatter: page.frontMatter, nodes: parsed.nodes}
  if (kind === 'careers page') {
    const result = mapCareersPage(input, services)
    return {page: result.document, issues: [...issues, ...result.issues.map(located)]}
  }
  const {posting, translationKey, issues: mappingIssues} = mapPosting(input, services)
  return {posting, translationKey, issues: [...issues, ...mappingIssues.map(located)]}
}

/**
 * A section's own page (`_index.md`, or an `index.md` right in the section folder) and any page
 * with a list layout are list pages, not postings: the careers section's becomes the careers
 * page, the others are left alone.
 */
function pageKind(
  relative: string,
  frontMatter: FrontMatter,
): 'posting' | 'careers page' | 'other list' {
  const parts = relative.split('/')
  const name = parts[parts.length - 1]?.toLowerCase()
  const sectionPage = name === '_index.md' || (name === 'index.md' && parts.length <= 2)
  if (!sectionPage && frontMatter.values.list === undefined) return 'posting'
  const section = parts.length > 1 ? parts[0] : 'career'
  return sectionPage && parts.length <= 2 && section === 'career' ? 'careers page' : 'other list'
}

/** Shortcodes the website has no template for: Hugo refuses the page, so does the import. */
function missingTemplates(
  nodes: readonly HugoNode[],
  site: SiteTemplates,
): Omit<ImportIssue, 'file'>[] {
  const found: Omit<ImportIssue, 'file'>[] = []
  const pending = [...nodes]
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.kind !== 'shortcode') continue
    if (!site.shortcodes.has(node.name))
      found.push({
        severity: 'error',
        line: node.line,
        message: `The website has no "${node.name}" shortcode (Hugo stops with "template for shortcode not found"): fix the name or remove it.`,
      })
    pending.push(...node.children)
  }
  found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return found.length > MAX_REPORTED
    ? [
        ...found.slice(0, MAX_REPORTED),
        {
          ...found[MAX_REPORTED],
          message: `…and ${found.length - MAX_REPORTED} more shortcodes the website has no template for.`,
        } as Omit<ImportIssue, 'file'>,
      ]
    : found
}

/** Problems of one kind reported per file before the rest are counted. */
const MAX_REPORTED = 50
/** Problems reported per file: a page with thousands says so in one line after these. */
const MAX_ISSUES_PER_FILE = 200

function capIssues(issues: ImportIssue[]): ImportIssue[] {
  if (issues.length <= MAX_ISSUES_PER_FILE) return issues
  const rank = {error: 0, warning: 1, info: 2}
  const kept = [...issues]
    .sort((a, b) => rank[a.severity] - rank[b.severity])
    .slice(0, MAX_ISSUES_PER_FILE)
  const [first] = kept
  return [
    ...kept,
    {
      severity: first?.severity === 'error' ? 'error' : 'warning',
      file: first?.file ?? '',
      message: `…and ${issues.length - MAX_ISSUES_PER_FILE} more problems in this file.`,
    },
  ]
}

/** The posting's own id and every document it references, for the per-file report. */
function referencedIds(posting: ImportedDocument): string[] {
  const ids = new Set<string>([posting._id])
  JSON.stringify(posting, (key, value: unknown) => {
    if (key === '_ref' && typeof value === 'string') ids.add(value)
    return value
  })
  return [...ids]
}

/**
 * Sanity's own validation of what we produced, reported against the file the document came from,
 * so HR knows which field needs an eye before publishing.
 */
async function schemaFindings(
  documents: ImportedDocument[],
  outcomes: FileOutcome[],
  workers: number | undefined,
): Promise<ImportIssue[]> {
  const problems = await validateDocuments(documents as SanityDocument[], {workers})
  // A posting's own file, else the first file using the shared document.
  const fileOf = new Map<string, string>()
  for (const outcome of outcomes) {
    const [ownId] = outcome.documentIds
    if (ownId !== undefined && !fileOf.has(ownId)) fileOf.set(ownId, outcome.file)
  }
  for (const outcome of outcomes) {
    for (const id of outcome.documentIds) if (!fileOf.has(id)) fileOf.set(id, outcome.file)
  }
  return problems
    .filter((problem) => problem.level !== 'info')
    .map((problem) => ({
      severity: 'warning' as const,
      file: fileOf.get(problem.documentId) ?? problem.documentId,
      field: problem.path,
      message: `Needs HR's eye before publishing (${problem.documentType} ${problem.documentId}, ${problem.level}): ${problem.message}`,
    }))
}

function compareIssues(a: ImportIssue, b: ImportIssue): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0)
}
