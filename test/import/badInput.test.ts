import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {beforeAll, describe, expect, it} from 'vitest'

import {importHugoContent, readNdjson, writeNdjsonAtomic, type ImportResult} from '../../lib/import'
import {runImportCli} from '../../lib/import/cli'
import {MAX_FILE_BYTES} from '../../lib/import/files'

const FIXTURES = path.resolve(__dirname, '../fixtures/hugo')

/** The fixtures plus the cases not worth committing (binary, Latin-1, 10 MB), under content/career. */
function badInputDirectory(): string {
  const directory = path.join(mkdtempSync(path.join(tmpdir(), 'hugo-bad-')), 'content', 'career')
  cpSync(path.join(FIXTURES, 'bad-input'), directory, {recursive: true})
  writeFileSync(
    path.join(directory, 'binary.md'),
    Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]),
  )
  writeFileSync(
    path.join(directory, 'latin1.md'),
    Buffer.concat([
      Buffer.from('---\nTitle: "Ingenj'),
      Buffer.from([0xf6]),
      Buffer.from('r"\n---\n\nText.\n'),
    ]),
  )
  const line = 'Padding so the file is far larger than any posting.\n'
  writeFileSync(
    path.join(directory, 'huge.md'),
    `---\nTitle: "Huge"\n---\n${line.repeat(Math.ceil((10 * 1024 * 1024) / line.length))}`,
  )
  return directory
}

describe('bad input', () => {
  let directory: string
  let result: ImportResult
  const issueFor = (file: string) =>
    result.report.issues.find(
      (issue) => issue.file === `career/${file}` && issue.severity === 'error',
    )

  beforeAll(async () => {
    directory = badInputDirectory()
    result = await importHugoContent({paths: [directory], validate: false})
  })

  it.each([
    ['malformed-yaml.md', 4, /not valid YAML/],
    ['unclosed-shortcode.md', 10, /never closed with ">}}"/],
    ['unclosed-accordion.md', 8, /"accordion" opened here is never closed/],
    ['missing-title.md', 1, /no title/],
    ['empty.md', 1, /empty/],
    ['binary.md', 2, /binary/],
    ['latin1.md', 2, /not UTF-8/],
    ['huge.md', 1, /MB/],
  ])('%s gets an error naming the line (%i)', (file, line, message) => {
    expect(issueFor(file)).toMatchObject({line, message: expect.stringMatching(message)})
  })

  it('still imports the good file, keeping what it cannot map and saying so', () => {
    const imported = result.report.files
      .filter((file) => file.status === 'imported')
      .map((file) => file.file)
    expect(imported).toEqual(['career/good.md'])
    const posting = result.documents.find((document) => document._type === 'posting')
    const preserved = (posting?.body as {_type: string; format?: string; source?: string}[]).filter(
      (block) => block._type === 'preservedSource',
    )
    expect(preserved.map((block) => block.format)).toEqual(['shortcode', 'html'])
    expect(preserved[0]?.source).toContain('unknown-widget')
    const warnings = result.report.issues.filter(
      (issue) => issue.file === 'career/good.md' && issue.severity === 'warning',
    )
    expect(warnings.map((issue) => issue.line)).toEqual([17, 19])
  })

  it('counts every failed file', () => {
    expect(result.report.failedFiles).toBe(8)
  })

  it('reports a directory with no markdown', async () => {
    const empty = await importHugoContent({
      paths: [path.join(FIXTURES, 'no-markdown')],
      validate: false,
    })
    expect(empty.report.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: 'The directory holds no markdown (.md) files.',
      }),
    ])
    expect(empty.report.failedFiles).toBe(1)
  })

  it('the CLI exits 1, writes the good file and keeps what failed files had before', async () => {
    const out = path.join(path.dirname(directory), 'dataset.ndjson')
    const previousDraft = {
      _id: 'drafts.posting-career-missing-title',
      _type: 'posting',
      title: 'Kept from last time',
      hugo: {_type: 'hugoSource', path: 'career/missing-title.md'},
    }
    writeNdjsonAtomic(out, [previousDraft])
    let stdout = ''
    const exitCode = await runImportCli([directory, '--out', out, '--json'], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      env: {},
      interactive: false,
    })
    expect(exitCode).toBe(1)
    const report = JSON.parse(stdout) as {
      failedFiles: number
      issues: {file: string; line?: number}[]
    }
    expect(report.failedFiles).toBe(8)
    expect(report.issues).toContainEqual(
      expect.objectContaining({file: 'career/malformed-yaml.md', line: 4}),
    )
    const ids = readNdjson(out).map((document) => document._id)
    expect(ids).toContain('posting-career-good')
    expect(ids).toContain(previousDraft._id)
    expect(readdirSync(path.dirname(out)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})

describe('writing the dataset', () => {
  it('never leaves a half-written file: a failed write keeps the old file intact', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'hugo-write-')), 'dataset.ndjson')
    writeNdjsonAtomic(out, [{_id: 'a', _type: 'team', name: 'A'}])
    const before = readFileSync(out)
    const unserialisable = {_id: 'b', _type: 'team', size: BigInt(1)}
    expect(() => writeNdjsonAtomic(out, [{_id: 'c', _type: 'team'}, unserialisable])).toThrow()
    expect(readFileSync(out)).toEqual(before)
    expect(readdirSync(path.dirname(out))).toEqual(['dataset.ndjson'])
  })

  it('refuses a dataset line that is not a document, naming the line', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hugo-read-')), 'broken.ndjson')
    writeFileSync(file, '{"_id":"a","_type":"team"}\n{"_id": oops}\n')
    expect(() => readNdjson(file)).toThrow(/broken\.ndjson:2: not a JSON document/)
    expect(existsSync(file)).toBe(true)
  })

  it('keeps the size limit far above real postings', () => {
    expect(MAX_FILE_BYTES).toBeGreaterThan(100 * 1024)
  })
})

describe('unsafe input', () => {
  let result: ImportResult
  beforeAll(async () => {
    result = await importHugoContent({paths: [path.join(FIXTURES, 'injection')]})
  })
  const posting = () =>
    result.documents.find((document) => document._type === 'posting') as Record<string, unknown>
  const warnings = () => result.report.issues.filter((issue) => issue.severity === 'warning')

  it('never turns a javascript: link into a link, and reports the ones it keeps for HR', () => {
    const body = posting().body as {_type: string; markDefs?: {href?: string}[]; url?: string}[]
    expect(
      body.flatMap((block) => block.markDefs ?? []).map((definition) => definition.href),
    ).toEqual([])
    expect(warnings()).toContainEqual(
      expect.objectContaining({
        line: 15,
        message: expect.stringContaining('"javascript:" are not allowed'),
      }),
    )
    expect(warnings()).toContainEqual(
      expect.objectContaining({
        line: 17,
        message: expect.stringContaining('"data:" are not allowed'),
      }),
    )
    expect(warnings()).toContainEqual(expect.objectContaining({field: 'apply.url', line: 4}))
  })

  it('keeps a script as preserved source for review, never as content, and flags inline HTML', () => {
    const body = posting().body as {_type: string; format?: string; source?: string}[]
    expect(body.filter((block) => block._type === 'preservedSource')).toEqual([
      expect.objectContaining({format: 'html', source: expect.stringContaining('<script>')}),
    ])
    expect(warnings()).toContainEqual(
      expect.objectContaining({line: 13, message: expect.stringContaining('Inline HTML')}),
    )
  })

  it("blocks publishing through the schema's own validation", () => {
    const findings = result.report.issues.filter(
      (issue) => issue.message.startsWith("Needs HR's eye") && issue.message.includes(', error)'),
    )
    expect(findings.map((issue) => issue.field)).toEqual(expect.arrayContaining(['apply.url']))
  })
})
