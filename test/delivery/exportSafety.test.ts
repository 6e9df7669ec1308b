/**
 * A posting that cannot be exported safely is skipped and reported with its id and field, and
 * the rest is exported; web addresses and old addresses never take another page's place. Cases
 * numbered, one behaviour each.
 */
import {execFile} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'

import {describe, expect, it} from 'vitest'

import {createLocalDataset, type StoredDocument} from '../../lib/dataset'
import {exportSite, type ExportReport} from '../../lib/export/exportSite'
import {DEFAULT_SITE_SETTINGS} from '../../lib/render'
import {block} from '../fixtures/documents/portableText'
import {parseHtml} from './pageAssertions'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const NOW = new Date('2026-06-01T12:00:00Z')

/** An open posting that exports cleanly; `changes` make it the case under test. */
function posting(name: string, changes: Record<string, unknown> = {}): StoredDocument {
  return {
    _id: `posting-${name}`,
    _type: 'posting',
    _createdAt: '2026-01-01T00:00:00Z',
    _updatedAt: '2026-01-02T00:00:00Z',
    title: `Job ${name}`,
    slug: {_type: 'slug', current: name},
    intro: `The ${name} job.`,
    body: [block(`About ${name}.`)],
    language: 'en',
    publishedAt: '2026-01-10T00:00:00Z',
    validThrough: '2099-12-31T00:00:00Z',
    apply: {_type: 'applyLink', label: 'Apply', url: 'https://jobs.example.com/apply'},
    ...changes,
  }
}

async function exportOf(documents: StoredDocument[]) {
  const out = mkdtempSync(join(tmpdir(), 'export-safety-'))
  const report = await exportSite({
    dataset: createLocalDataset(documents, {now: () => NOW}),
    settings: DEFAULT_SITE_SETTINGS,
    siteDir: join(out, 'site'),
    hugoDir: join(out, 'hugo'),
  })
  const read = (path: string) => readFileSync(join(out, 'site', path), 'utf8')
  return {report, out, read}
}

const exportedSlugs = (report: ExportReport) => report.postings.map((item) => item.slug).sort()
const skippedFields = (report: ExportReport) =>
  report.skipped.flatMap((item) => item.problems.map((problem) => `${item.id} ${problem.field}`))

describe('a posting the export cannot write safely', () => {
  it('01 with a date that is none is skipped, named by id and field; the rest is exported', async () => {
    const {report, out} = await exportOf([
      posting('good'),
      posting('bad-date', {publishedAt: '31/12/2026'}),
    ])
    expect(exportedSlugs(report)).toEqual(['good'])
    expect(report.skipped).toEqual([
      {
        id: 'posting-bad-date',
        slug: 'bad-date',
        problems: [
          {
            field: 'publishedAt',
            message: 'The text "31/12/2026" where a date belongs; it was left out.',
          },
        ],
      },
    ])
    expect(readdirSync(join(out, 'hugo/content/career'))).toEqual(['good.md'])
  })

  it('02 with a field of the wrong type is skipped, with the path of the field', async () => {
    const {report} = await exportOf([
      posting('good'),
      posting('wrong-type', {
        title: {en: 'Job'},
        body: [{_type: 'iconLinkRow', _key: 'r1', links: 'https://example.com'}],
      }),
    ])
    expect(exportedSlugs(report)).toEqual(['good'])
    expect(skippedFields(report)).toEqual([
      'posting-wrong-type title',
      'posting-wrong-type body[0].links',
    ])
  })

  it('03 keeps a value outside its choices out of the page, but exports the posting', async () => {
    const {report, read} = await exportOf([
      posting('odd-variant', {
        body: [{_type: 'callToAction', _key: 'c1', label: 'Go', variant: '"><b>x</b>'}],
      }),
    ])
    expect(report.skipped).toEqual([])
    expect(report.postings[0]?.issues).toContainEqual({
      path: 'body[0].variant',
      message:
        'The text ""><b>x</b>" where one of "button", "iconBlock", "textLink" belongs; it was left out.',
    })
    const page = parseHtml(read('career/odd-variant/index.html'))
    expect(page.querySelector('main b')).toBeNull()
    expect(page.querySelector('.cta')?.className).toBe('cta cta--button cta--disabled')
  })

  it('04 leaves skipped postings out of the index, the feeds, the sitemap and the redirects', async () => {
    const {report, read} = await exportOf([
      posting('good'),
      posting('bad', {validThrough: 'tomorrow', aliases: ['/old/bad']}),
      posting('bad-two', {publishedAt: 12, aliases: ['/old/bad-two']}),
    ])
    // "tomorrow" is no date: the open filter leaves the posting out, the export says why.
    expect(skippedFields(report).sort()).toEqual([
      'posting-bad validThrough',
      'posting-bad-two publishedAt',
    ])
    for (const file of [
      'career/index.html',
      'career/feed.json',
      'career/atom.xml',
      'sitemap.xml',
      '_redirects',
    ]) {
      expect(read(file), file).not.toMatch(/career\/bad|old\/bad/)
    }
    expect(read('career/feed.json')).toContain('/career/good/')
  })
})

describe('web addresses', () => {
  it.each([
    [
      '05a',
      '..',
      'Use letters, digits and hyphens, like "backend-engineer": "/", "\\", "#", "%", "?" and a leading "." make broken addresses.',
    ],
    [
      '05b',
      '.',
      'Use letters, digits and hyphens, like "backend-engineer": "/", "\\", "#", "%", "?" and a leading "." make broken addresses.',
    ],
    [
      '05c',
      'feed.json',
      '"feed.json" is taken by the careers pages themselves: choose another web address, like "backend-engineer".',
    ],
    [
      '05d',
      'index',
      '"index" is taken by the careers pages themselves: choose another web address, like "backend-engineer".',
    ],
    [
      '05e',
      'Big Job',
      'The website would serve this page at "big-job": use that, like "backend-engineer".',
    ],
  ])(
    '%s refuses the slug %j with its field, and writes every site file once',
    async (_n, slug, message) => {
      const {report, read} = await exportOf([
        posting('good'),
        posting('clash', {slug: {_type: 'slug', current: slug}}),
      ])
      expect(exportedSlugs(report)).toEqual(['good'])
      expect(report.skipped).toEqual([
        {id: 'posting-clash', slug, problems: [{field: 'slug', message}]},
      ])
      // The root page is the redirect to the careers index, whole; the index lists the good one.
      expect(
        parseHtml(read('index.html'))
          .querySelector('meta[http-equiv="refresh"]')
          ?.getAttribute('content'),
      ).toBe('0; url=/career/')
      expect(parseHtml(read('career/index.html')).querySelectorAll('.posting-card')).toHaveLength(1)
      expect(JSON.parse(read('career/feed.json')).items).toHaveLength(1)
    },
  )

  it('06 gives a shared web address to the posting published first, reporting both', async () => {
    const first = posting('z-first', {
      slug: {_type: 'slug', current: 'shared'},
      publishedAt: '2026-01-01T00:00:00Z',
    })
    const second = posting('a-second', {
      slug: {_type: 'slug', current: 'shared'},
      publishedAt: '2026-02-01T00:00:00Z',
    })
    for (const documents of [
      [first, second],
      [second, first],
    ]) {
      const {report, read} = await exportOf(documents)
      expect(report.postings.map((item) => item.id)).toEqual(['posting-z-first'])
      expect(report.skipped).toEqual([
        {
          id: 'posting-a-second',
          slug: 'shared',
          problems: [
            {
              field: 'slug',
              message:
                'The posting posting-z-first has the same web address "shared" and was published first, so it keeps it: give this one another web address.',
            },
          ],
        },
      ])
      expect(read('career/shared/index.html')).toContain('Job z-first')
    }
  })
})

describe('old addresses', () => {
  it.each([
    ['07a', '/', 'The home page cannot redirect to a posting.'],
    ['07b', '/career/', 'The careers page cannot redirect to a posting.'],
    [
      '07c',
      '/career/feed.json',
      '"/career/feed.json" is a file of the website: it cannot redirect to a posting.',
    ],
    [
      '07d',
      '/assets/site.css',
      '"/assets/site.css" is a file of the website: it cannot redirect to a posting.',
    ],
    [
      '07e',
      '/old/../career/',
      '"/old/../career/" climbs out of its folder with "." or "..": write the full path.',
    ],
    [
      '07f',
      '//evil.example/x',
      '"//evil.example/x" would lead to another website: an old address is a path on ours, starting with one "/" and without backslashes.',
    ],
  ])('%s refuses the alias %j, naming aliases[1]', async (_n, alias, message) => {
    const {report, read} = await exportOf([
      posting('good'),
      posting('moved', {aliases: ['/old/moved', alias]}),
    ])
    expect(exportedSlugs(report)).toEqual(['good'])
    expect(report.skipped).toEqual([
      {id: 'posting-moved', slug: 'moved', problems: [{field: 'aliases[1]', message}]},
    ])
    expect(read('career/index.html')).toContain('Job good')
    expect(read('_redirects')).toBe('\n')
  })

  it("08 refuses an alias on another posting's page, and tells that posting", async () => {
    const {report, read} = await exportOf([
      posting('target'),
      posting('greedy', {aliases: ['/career/target']}),
    ])
    expect(exportedSlugs(report)).toEqual(['target'])
    expect(report.skipped).toEqual([
      {
        id: 'posting-greedy',
        slug: 'greedy',
        problems: [
          {
            field: 'aliases[0]',
            message:
              'The old address "/career/target" is the address of the posting "target": remove it from the old addresses.',
          },
        ],
      },
    ])
    expect(report.postings[0]?.issues).toContainEqual({
      path: 'slug',
      message:
        "The posting posting-greedy asked for this page's address as an old address and was skipped.",
    })
    expect(read('career/target/index.html')).toContain('<h1>Job target</h1>')
  })

  it('09 lets one posting have an old address, skips the second that asks for it', async () => {
    const {report, read} = await exportOf([
      posting('a-first', {aliases: ['/old/job']}),
      posting('b-second', {aliases: ['/old/job/']}),
    ])
    expect(exportedSlugs(report)).toEqual(['a-first'])
    expect(skippedFields(report)).toEqual(['posting-b-second aliases[0]'])
    expect(read('old/job/index.html')).toContain('url=/career/a-first/')
  })

  it("10 drops an expired posting's redirect where an open posting now lives", async () => {
    const expired = posting('old-role', {
      _id: 'posting-old-role-2020',
      publishedAt: '2020-01-01T00:00:00Z',
      validThrough: '2020-06-01T00:00:00Z',
      aliases: ['/career/reused'],
    })
    const {report, read} = await exportOf([posting('reused'), expired])
    expect(report.skipped).toEqual([])
    expect(report.droppedRedirects).toEqual([
      {
        id: 'posting-old-role-2020',
        field: 'aliases[0]',
        message:
          'The redirect from "/career/reused" was left out: that address is the page of "reused".',
      },
    ])
    expect(read('career/reused/index.html')).toContain('<h1>Job reused</h1>')
    expect(read('_redirects')).toBe('/career/old-role/ /career/ 301\n')
  })
})

describe('old addresses of expired and skipped postings', () => {
  it("12 lets an open posting take over an expired posting's address", async () => {
    const expired = posting('senior-2024', {
      publishedAt: '2024-01-01T00:00:00Z',
      validThrough: '2024-06-01T00:00:00Z',
    })
    const {report, read} = await exportOf([
      posting('senior-2025', {aliases: ['/career/senior-2024/']}),
      expired,
    ])
    expect(report.skipped).toEqual([])
    expect(report.droppedRedirects).toEqual([
      {
        id: 'posting-senior-2024',
        field: 'slug',
        message:
          'The redirect from "/career/senior-2024/" was left out: that address is an old address of "senior-2025".',
      },
    ])
    expect(read('career/senior-2024/index.html')).toContain('url=/career/senior-2025/')
  })

  it('13 refuses an alias on the address of an open posting that was skipped', async () => {
    const {report} = await exportOf([
      posting('broken', {publishedAt: 'never'}),
      posting('greedy', {aliases: ['/career/broken/']}),
    ])
    expect(report.postings).toEqual([])
    expect(report.skipped.find((item) => item.id === 'posting-greedy')?.problems).toEqual([
      {
        field: 'aliases[0]',
        message:
          'The old address "/career/broken/" is the address of the posting "broken": remove it from the old addresses.',
      },
    ])
  })
})

describe('npm run export', () => {
  it('11 writes the rest, says what it skipped and exits 1', async () => {
    const out = mkdtempSync(join(tmpdir(), 'export-cli-'))
    const datasetFile = join(out, 'dataset.ndjson')
    const documents = [posting('good'), posting('bad-date', {publishedAt: 'soon'})]
    writeFileSync(
      datasetFile,
      documents.map((document) => JSON.stringify(document)).join('\n') + '\n',
    )
    const result = await promisify(execFile)(
      join(repoRoot, 'node_modules/.bin/tsx'),
      [
        'scripts/export.ts',
        '--from',
        datasetFile,
        '--out',
        join(out, 'site'),
        '--hugo-out',
        join(out, 'hugo'),
      ],
      {cwd: repoRoot},
    ).then(
      () => ({code: 0, stderr: ''}),
      (error: {code: number; stderr: string}) => ({code: error.code, stderr: error.stderr}),
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'Skipped posting-bad-date (bad-date): publishedAt: The text "soon" where a date belongs; it was left out.',
    )
    expect(existsSync(join(out, 'site/career/good/index.html'))).toBe(true)
    expect(existsSync(join(out, 'hugo/content/career/good.md'))).toBe(true)
    expect(existsSync(join(out, 'site/career/bad-date'))).toBe(false)
  })
})
