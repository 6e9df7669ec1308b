import {createReadStream, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {createClient} from '@sanity/client'
import {sanityImport} from '@sanity/import'
import {beforeAll, describe, expect, it} from 'vitest'

import {SANITY_API_VERSION} from '../../lib/apiVersion'
import {startContentLake} from '../../lib/content-lake/server'
import {importHugoContent, toNdjson, writeNdjsonAtomic, type ImportResult} from '../../lib/import'
import {collectMarkdownFiles} from '../../lib/import/files'
import {validateDocuments} from '../../lib/sanity/validateDocuments'
import {visibleWordsOfPosting, visibleWordsOfSource} from './visibleText'

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/content')

describe('importing the real careers pages', () => {
  let result: ImportResult

  beforeAll(async () => {
    result = await importHugoContent({paths: [CORPUS]})
  })

  it('imports every file without errors', () => {
    expect(result.report.issues.filter((issue) => issue.severity === 'error')).toEqual([])
    expect(result.report.failedFiles).toBe(0)
    expect(result.report.files).toHaveLength(collectMarkdownFiles([CORPUS]).files.length)
  })

  it('produces the numbers of documents the pages call for', () => {
    // Counted by reading the pages: 11 career postings + 1 blog-style posting; 10 of them say
    // `draft: true`; six distinct Team values; two people with cards (the recruiter's
    // horisontal-card and one contact shortcode); three recruitment processes: two postings share
    // the same text, one has sub-steps, one has numbered steps only (its Swedish twin in the same
    // posting stays in the body, as a posting shows one process).
    expect(result.report.counts).toEqual({posting: 12, team: 6, contact: 2, recruitmentProcess: 3})
    expect(result.report.drafts).toBe(10)
    const drafts = result.documents.filter((document) => document._id.startsWith('drafts.'))
    for (const draft of drafts) {
      expect(
        result.documents.some((document) => document._id === draft._id.slice('drafts.'.length)),
      ).toBe(false)
    }
  })

  it('keeps every visible word of every page in its posting or the documents it references', () => {
    for (const outcome of result.report.files) {
      const source = readFileSync(path.join(CORPUS, outcome.file), 'utf8')
      const postingId = outcome.documentIds[0] as string
      const output = visibleWordsOfPosting(postingId, result.documents)
      const missing = [...visibleWordsOfSource(source)].filter((word) => !output.has(word))
      expect({file: outcome.file, missing}).toEqual({file: outcome.file, missing: []})
    }
  })

  it("passes the schema's own validation, or the report names the field for HR", async () => {
    const problems = await validateDocuments(result.documents as never)
    expect(problems.filter((problem) => problem.level === 'error')).toEqual([])
    for (const problem of problems.filter((candidate) => candidate.level === 'warning')) {
      expect(result.report.issues).toContainEqual(
        expect.objectContaining({
          field: problem.path,
          message: expect.stringContaining(problem.documentId),
        }),
      )
    }
  })

  it('gives byte-identical output on a second run', async () => {
    const again = await importHugoContent({paths: [CORPUS], validate: false})
    expect(toNdjson(again.documents)).toBe(toNdjson(result.documents))
  })

  it('writes NDJSON that the library behind `sanity dataset import` accepts', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'hugo-ndjson-'))
    const file = path.join(directory, 'production.ndjson')
    writeNdjsonAtomic(file, result.documents)
    const lake = await startContentLake({
      datasetFile: path.join(directory, 'lake.ndjson'),
      projectId: 'local',
      dataset: 'production',
      port: 0,
    })
    try {
      const client = createClient({
        projectId: 'local',
        dataset: 'production',
        apiHost: lake.url,
        useProjectHostname: false,
        apiVersion: SANITY_API_VERSION,
        useCdn: false,
        token: 'local-development',
      })
      await sanityImport(createReadStream(file), {client})
      expect(await client.fetch('count(*)', {}, {perspective: 'raw'})).toBe(result.documents.length)
      expect(
        await client.fetch(
          'count(*[_type == "posting" && _id in path("drafts.**")])',
          {},
          {perspective: 'raw'},
        ),
      ).toBe(10)
    } finally {
      await lake.close()
    }
  })

  it('maps the shapes of the format, not just the words', () => {
    const postings = result.documents.filter((document) => document._type === 'posting')
    const body = postings.flatMap(
      (posting) => posting.body as {_type: string; children?: {marks: string[]}[]}[],
    )
    // `inline` run-in headings, bold-led list items stay bold.
    expect(body.some((block) => block.children?.some((span) => span.marks.includes('runIn')))).toBe(
      true,
    )
    const types = new Set(body.map((block) => block._type))
    for (const type of [
      'callToAction',
      'contactCard',
      'pageAnchor',
      'callout',
      'iconLinkRow',
      'faqEntry',
    ])
      expect(types).toContain(type)
    // Every posting that linked to #down still has a target to land on.
    for (const posting of postings) {
      if ((posting.apply as {url?: string} | undefined)?.url === '#down') {
        expect(body.length).toBeGreaterThan(0)
        expect(
          (posting.body as {anchorId?: string}[]).some((block) => block.anchorId === 'down'),
        ).toBe(true)
      }
    }
  })
})
