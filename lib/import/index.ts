import type {SanityDocument} from 'sanity'

import {splitFrontMatter, stringValue} from '../hugo/frontMatter'
import {parseShortcodes} from '../hugo/shortcodes'
import {validateDocuments} from '../sanity/validateDocuments'
import {AssetResolver} from './assets'
import {collectMarkdownFiles, readPostingText, type MarkdownFile} from './files'
import {DRAFT_PREFIX} from './keys'
import {sortDocuments} from './order'
import {mapPosting} from './posting'
import {SharedDocuments} from './shared'
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
  const shared = new SharedDocuments()
  const assets = new AssetResolver(options.assetsDir)
  const mapped: {posting: ImportedDocument; translationKey?: string}[] = []
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
      : importFile(file, shared, assets)
    issues.push(...result.issues)
    outcomes.push({
      file: file.relative,
      status: result.posting ? 'imported' : 'failed',
      documentIds: result.posting ? referencedIds(result.posting) : [],
    })
    if (result.posting)
      mapped.push({posting: result.posting, translationKey: result.translationKey})
    options.onProgress?.({file: file.relative, done: index + 1, total: files.length})
  })

  linkTranslations(mapped)
  const postings = mapped.map(({posting}) => posting)
  const documents = sortDocuments([...shared.documents(), ...postings])
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

function importFile(
  file: MarkdownFile,
  shared: SharedDocuments,
  assets: AssetResolver,
): {posting?: ImportedDocument; translationKey?: string; issues: ImportIssue[]} {
  const located = (issue: Omit<ImportIssue, 'file'>): ImportIssue => ({
    ...issue,
    file: file.relative,
  })
  const read = readPostingText(file)
  if ('issue' in read) return {issues: [located(read.issue)]}
  const page = splitFrontMatter(read.text)
  if (!('frontMatter' in page)) return {issues: page.issues.map(located)}
  const issues = page.issues.map(located)
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
  const parsed = parseShortcodes(page.body, page.bodyLine)
  issues.push(...parsed.issues.map(located))
  if (parsed.issues.some((issue) => issue.severity === 'error')) return {issues}
  const {
    posting,
    translationKey,
    issues: mappingIssues,
  } = mapPosting(
    {
      file: file.relative,
      frontMatter: page.frontMatter,
      nodes: parsed.nodes,
      section: file.relative.includes('/') ? file.relative.split('/')[0] : undefined,
    },
    shared,
    assets,
  )
  return {posting, translationKey, issues: [...issues, ...mappingIssues.map(located)]}
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
