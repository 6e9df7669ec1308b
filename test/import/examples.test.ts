import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

import type {SanityDocument} from 'sanity'
import {collectMigrationMutations, type MigrationContext} from 'sanity/migrate'
import {beforeAll, describe, expect, it} from 'vitest'

import {
  importHugoContent,
  readNdjson,
  type ImportedDocument,
  type ImportResult,
} from '../../lib/import'
import {runImportCli} from '../../lib/import/cli'
import {FakeContentLake} from './fakeContentLake'
import migration from '../../migrations/import-hugo-markdown'

const EXAMPLES = path.resolve(__dirname, '../../examples/content')
const quiet = {stdout: () => undefined, stderr: () => undefined, env: {}, interactive: false}

const byId = (result: ImportResult, id: string) =>
  result.documents.find((document) => document._id === id) as ImportedDocument
type Block = {
  _type: string
  style?: string
  listItem?: string
  children?: {text: string; marks: string[]}[]
}

describe('the example content', () => {
  let result: ImportResult

  beforeAll(async () => {
    result = await importHugoContent({paths: [EXAMPLES], validate: false})
  })

  it('imports the six postings and the careers page, and shares what they have in common', () => {
    expect(result.report.failedFiles).toBe(0)
    expect(result.report.counts).toEqual({
      posting: 6,
      careersPage: 1,
      team: 3,
      contact: 2,
      recruitmentProcess: 2,
    })
    // Three English postings write the same process with different whitespace: one document.
    const processIds = new Set(
      result.documents
        .filter((document) => document._type === 'posting')
        .map((posting) => (posting.recruitmentProcess as {_ref?: string} | undefined)?._ref),
    )
    expect([...processIds].filter(Boolean)).toHaveLength(2)
  })

  it('makes the draft a draft, with no published twin', () => {
    expect(result.report.drafts).toBe(1)
    expect(byId(result, 'drafts.posting-career-site-reliability-engineer')).toBeDefined()
    expect(byId(result, 'posting-career-site-reliability-engineer')).toBeUndefined()
  })

  it('maps the English platform posting field by field', () => {
    const posting = byId(result, 'posting-career-platform-engineer')
    expect(posting).toMatchObject({
      title: 'Platform Engineer, Kubernetes',
      slug: {current: 'platform-engineer'},
      language: 'en',
      employmentType: 'fullTime',
      publishedAt: '2026-03-02T00:00:00.000Z',
      tableOfContentsLabel: 'On this page',
      location: {
        display: 'Remote (Sweden or Finland)',
        workplaceType: 'remote',
        countries: ['SE', 'FI'],
      },
      apply: {
        label: 'Apply now',
        url: 'https://jobs.norrsken-cloud.example/apply/platform-engineer',
      },
      team: {_ref: 'team-platform-team'},
      contact: {_ref: 'contact-signe-lind-norrsken-cloud-example'},
      sidebarImage: {legacyPath: 'norrsken-platform.svg'},
    })
    const body = posting.body as Block[]
    const runIns = body
      .flatMap((block) => block.children ?? [])
      .filter((span) => span.marks.includes('runIn'))
    expect(runIns.map((span) => span.text)).toEqual(['Automate:', 'Observe:', 'Share:'])
    expect(body.map((block) => block._type)).toEqual(
      expect.arrayContaining([
        'iconLinkRow',
        'callout',
        'faqEntry',
        'callToAction',
        'spacer',
        'contactCard',
        'ingressPlacement',
        'recruitmentProcessPlacement',
      ]),
    )
    // The lead paragraph and the process stand where the page had them.
    const order = body.map((block) => block._type)
    expect(order.indexOf('ingressPlacement')).toBe(1)
    expect(order.indexOf('recruitmentProcessPlacement')).toBeLessThan(order.indexOf('faqEntry'))
    expect(body.find((block) => block._type === 'faqEntry')).toMatchObject({
      question: 'Can I work from another country?',
      anchorId: 'other-country',
    })
  })

  it('builds the process with intro, steps, sub-steps and closing text', () => {
    const processId = (
      byId(result, 'posting-career-platform-engineer').recruitmentProcess as {_ref: string}
    )._ref
    const process = byId(result, processId)
    expect(process).toMatchObject({title: 'Our recruitment process', numbered: true, spaced: false})
    // Each step keeps its words and formatting: the bold name, then what happens.
    const words = (text: unknown) =>
      (text as Block[])
        .flatMap((block) => block.children ?? [])
        .map((span) => [span.text, span.marks])
    const steps = process.steps as {text: Block[]; substeps?: {text: Block[]}[]}[]
    expect(steps.map((step) => words(step.text)[0])).toEqual([
      ['First call', ['strong']],
      ['Team interview', ['strong']],
      ['Practical session', ['strong']],
      ['Decision', ['strong']],
    ])
    expect(words(steps[0]?.text)[1]?.[0]).toMatch(/^ - /)
    expect(steps[2]?.substeps?.map((sub) => words(sub.text)[0]?.[0])).toEqual(['Design', 'Review'])
    expect((process.intro as Block[]).length).toBe(1)
    expect((process.closing as Block[]).map((block) => block.style)).toEqual(['h4', 'normal'])
  })

  it('maps the Swedish posting, linked to its English twin by translationKey, with Hugo’s other closing tag', () => {
    const posting = byId(result, 'posting-career-plattformsingenjor')
    expect(posting.translations).toEqual([
      expect.objectContaining({_ref: 'posting-career-platform-engineer', _weak: true}),
    ])
    expect(posting).toMatchObject({
      language: 'sv',
      employmentType: 'fullTime',
      location: {countries: ['SE'], city: 'Stockholm'},
    })
    expect((posting.ingress as Block[])[0]?.children?.[0]?.text).toMatch(/^Norrsken Cloud bygger/)
    // Every key is kept as written, so the export writes "Heltid" back while the field says full time.
    expect(
      (posting.hugo as {frontMatter?: {key: string; value: string}[]}).frontMatter,
    ).toContainEqual(expect.objectContaining({key: 'duration', value: '"Heltid"'}))
  })

  it('maps buttons, anchors and the contact shortcode of the finance posting', () => {
    const body = byId(result, 'posting-career-head-of-finance').body as (Block &
      Record<string, unknown>)[]
    expect(
      body
        .filter((block) => block._type === 'callToAction')
        .map((block) => [block.variant, block.label]),
    ).toEqual([['textLink', 'About the company']])
    expect(body.find((block) => block._type === 'callToActionPair')).toMatchObject({
      label: 'Apply on LinkedIn',
      url: 'https://www.linkedin.com/jobs/view/000000/',
      secondaryLabel: 'Write to Aino Virtanen',
      secondaryUrl: 'mailto:aino.virtanen@norrsken-cloud.example',
    })
    expect(
      body.filter((block) => block._type === 'pageAnchor').map((block) => block.anchorId),
    ).toEqual(['down', 'info'])
    // `relref` inside a markdown link becomes the page's address.
    const hrefs = body.flatMap((block) => (block.markDefs as {href?: string}[] | undefined) ?? [])
    expect(hrefs).toContainEqual(expect.objectContaining({href: '/career/platform-engineer/'}))
    expect(byId(result, 'contact-aino-virtanen-norrsken-cloud-example')).toMatchObject({
      name: 'Aino Virtanen',
      role: 'Chief Executive Officer',
      phone: '+358 40 123 4567',
    })
  })

  it('turns markdown images and the figure shortcode into body images, with the caption', () => {
    const images = (id: string) =>
      (byId(result, id).body as {_type: string}[]).filter((block) => block._type === 'bodyImage')
    expect(images('posting-career-support-engineer')).toEqual([
      expect.objectContaining({
        alt: 'Two support engineers at a shared screen',
        legacyPath: '/img/team/support.jpg',
      }),
    ])
    const finance = byId(result, 'posting-career-head-of-finance').body as Block[]
    expect(images('posting-career-head-of-finance')).toEqual([
      expect.objectContaining({
        alt: 'Desks by a window overlooking the harbour',
        legacyPath: '/img/office/helsinki.jpg',
        caption: 'Our Helsinki office, a short walk from the ferry terminal',
        hugoForm: 'figure',
      }),
    ])
    expect(
      finance.some((block) => block.children?.[0]?.text.startsWith('Our Helsinki office')),
    ).toBe(false)
  })

  it('imports the blog-style page as a posting', () => {
    const posting = byId(result, 'posting-blogg-2022-2022-05-data-engineer')
    expect(posting).toMatchObject({
      aliases: ['/blogg/data-engineer', '/jobs/data-engineer'],
      tags: ['English', 'Jobs'],
      apply: {label: 'How to apply', url: '#apply'},
      hugo: {
        path: 'blogg/2022/2022-05-data-engineer.md',
        // Taken from the button and assumed from the tags: the export leaves them out again.
        derived: [
          expect.objectContaining({field: 'language', value: '"en"'}),
          expect.objectContaining({field: 'apply'}),
        ],
      },
    })
    const kept = (posting.hugo as {frontMatter: {key: string; value: string}[]}).frontMatter
    expect(kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({key: 'section', value: '"blogg"'}),
        expect.objectContaining({key: 'showthedate', value: 'true'}),
        expect.objectContaining({key: 'card', value: '"data-engineer-card.jpg"'}),
      ]),
    )
    expect((posting.ingress as Block[])[0]?.children?.[0]?.text).toMatch(
      /^Norrsken Cloud is growing/,
    )
    expect(
      (posting.body as {_type: string; anchorId?: string}[]).some(
        (block) => block.anchorId === 'apply',
      ),
    ).toBe(true)
  })
})

describe('images with --assets', () => {
  it('marks files found under the assets directory for upload and reports the missing ones', async () => {
    const assets = mkdtempSync(path.join(tmpdir(), 'hugo-assets-'))
    mkdirSync(path.join(assets, 'img', 'people'), {recursive: true})
    mkdirSync(path.join(assets, 'img', 'sidebar'), {recursive: true})
    writeFileSync(path.join(assets, 'img', 'people', 'signe.webp'), 'not really an image')
    writeFileSync(path.join(assets, 'img', 'sidebar', 'norrsken-platform.svg'), '<svg/>')
    const page = path.join(EXAMPLES, 'career', 'platform-engineer.md')
    const result = await importHugoContent({paths: [page], assetsDir: assets, validate: false})
    const posting = byId(result, 'posting-career-platform-engineer')
    // Found by its site path, and by its bare file name (Hugo themes resolve sidebar images by name).
    expect(byId(result, 'contact-signe-lind-norrsken-cloud-example').photo).toEqual({
      _type: 'siteImage',
      legacyPath: '/img/people/signe.webp',
      image: {
        _type: 'image',
        _sanityAsset: `image@${pathToFileURL(path.join(assets, 'img/people/signe.webp')).href}`,
      },
    })
    expect(posting.sidebarImage).toMatchObject({
      image: {_sanityAsset: expect.stringMatching(/^image@file:\/\/.*norrsken-platform\.svg$/)},
    })
    expect(posting.socialImage).toEqual({
      _type: 'siteImage',
      legacyPath: '/socialmedia/norrsken-careers.jpg',
    })
    const socialLine =
      readFileSync(page, 'utf8')
        .split('\n')
        .indexOf('socialmedia: "/socialmedia/norrsken-careers.jpg"') + 1
    expect(result.report.issues).toContainEqual(
      expect.objectContaining({severity: 'warning', field: 'socialImage', line: socialLine}),
    )
  })
})

describe('npm run import -- --to sanity', () => {
  const TOKEN = 'sk-example-token-never-to-be-printed'
  it('is what `npm run import -- --to sanity` does, token kept out of every line it prints', async () => {
    const lake = new FakeContentLake(TOKEN, ['503', 'drop-after-commit'])
    const apiHost = await lake.start()
    try {
      let output = ''
      const journal = path.join(mkdtempSync(path.join(tmpdir(), 'lake-cli-')), 'journal.json')
      const env = {
        SANITY_PROJECT_ID: 'test',
        SANITY_DATASET: 'production',
        SANITY_API_TOKEN: TOKEN,
        SANITY_API_HOST: apiHost,
      }
      const write = (text: string) => (output += text)
      const exitCode = await runImportCli(
        [EXAMPLES, '--to', 'sanity', '--journal', journal, '--batch-size', '4'],
        {stdout: write, stderr: write, env, interactive: false},
      )
      expect(exitCode).toBe(0)
      expect(output).toMatch(/Wrote 14 documents in 4 transactions/)
      expect(output).not.toContain(TOKEN)
      expect([...lake.writes.values()]).toEqual(Array.from({length: 14}, () => 1))
    } finally {
      await lake.stop()
    }
  })
})

describe("the schema's own validation in the report", () => {
  const report = async (...flags: string[]) => {
    let stdout = ''
    const io = {...quiet, stdout: (text: string) => void (stdout += text)}
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'hugo-validate-')), 'dataset.ndjson')
    const exitCode = await runImportCli([EXAMPLES, '--out', out, '--json', ...flags], io)
    const {issues} = JSON.parse(stdout) as {issues: {message: string}[]}
    return {
      exitCode,
      dataset: readFileSync(out, 'utf8'),
      fromSchema: issues.filter((issue) => issue.message.startsWith("Needs HR's eye")),
    }
  }

  it('is there by default, on worker threads too, and left out with --no-validate', async () => {
    const byDefault = await report()
    const inWorkers = await report('--validation-workers', '2')
    const skipped = await report('--no-validate')
    expect(byDefault.fromSchema.length).toBeGreaterThan(0)
    expect(inWorkers).toEqual(byDefault)
    expect(skipped.fromSchema).toEqual([])
    expect(skipped.dataset).toBe(byDefault.dataset)
  }, 120_000)

  it('starts its worker threads from any working directory', () => {
    const tsx = fileURLToPath(import.meta.resolve('tsx'))
    const script = path.resolve(__dirname, '../../scripts/import.ts')
    const run = spawnSync(
      process.execPath,
      ['--import', tsx, script, EXAMPLES, '--dry-run', '--validation-workers', '2'],
      {cwd: tmpdir(), encoding: 'utf8', env: {...process.env, SANITY_TELEMETRY_DISABLED: '1'}},
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain("Needs HR's eye")
  }, 120_000)

  it('refuses a worker count that is not a whole number', async () => {
    let stderr = ''
    const io = {...quiet, stderr: (text: string) => void (stderr += text)}
    expect(await runImportCli([EXAMPLES, '--dry-run', '--validation-workers', '0'], io)).toBe(1)
    expect(stderr).toContain('--validation-workers takes a whole number of at least 1, not "0".')
  })
})

describe('importing again', () => {
  it('updates the changed page without adding documents', async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), 'hugo-again-')), 'content')
    cpSync(EXAMPLES, content, {recursive: true})
    const out = path.join(path.dirname(content), 'dataset.ndjson')
    expect(await runImportCli([content, '--out', out], quiet)).toBe(0)
    const first = readNdjson(out)
    const page = path.join(content, 'career', 'support-engineer.md')
    writeFileSync(page, readFileSync(page, 'utf8').replace('a 60 % position', 'a 80 % position'))
    expect(await runImportCli([content, '--out', out], quiet)).toBe(0)
    const second = readNdjson(out)
    expect(second.map((document) => document._id)).toEqual(first.map((document) => document._id))
    const changed = second.filter(
      (document, index) => JSON.stringify(document) !== JSON.stringify(first[index]),
    )
    expect(changed.map((document) => document._id)).toEqual(['posting-career-support-engineer'])
  })
})

describe('the import-hugo-markdown migration', () => {
  const context = {dryRun: true} as MigrationContext
  const collect = async (stored: readonly ImportedDocument[]) => {
    const mutations: unknown[] = []
    async function* documents(): AsyncIterableIterator<SanityDocument> {
      for (const document of stored) yield document as SanityDocument
    }
    for await (const mutation of collectMigrationMutations(migration, documents, context))
      mutations.push(...[mutation].flat())
    return mutations as {type: string; document: ImportedDocument}[]
  }

  it('creates every document of an empty dataset, then nothing on a second run', async () => {
    process.env.HUGO_CONTENT_DIR = EXAMPLES
    const expected = await importHugoContent({paths: [EXAMPLES], validate: false})
    const first = await collect([])
    expect(first.map((mutation) => mutation.type)).toEqual(
      expected.documents.map(() => 'createOrReplace'),
    )
    expect(first.map((mutation) => mutation.document)).toEqual(expected.documents)
    const stored = expected.documents.map((document) => ({
      ...document,
      _rev: 'r1',
      _createdAt: '2026-01-01T00:00:00Z',
      _updatedAt: '2026-01-01T00:00:00Z',
    }))
    expect(await collect(stored)).toEqual([])
    const edited = stored.map((document) =>
      document._type === 'team' ? {...document, name: 'Renamed in the Studio'} : document,
    )
    expect((await collect(edited)).map((mutation) => mutation.document._type)).toEqual([
      'team',
      'team',
      'team',
    ])
  })

  it('says how to point it at the content', async () => {
    delete process.env.HUGO_CONTENT_DIR
    await expect(collect([])).rejects.toThrow(/Set HUGO_CONTENT_DIR/)
  })
})
