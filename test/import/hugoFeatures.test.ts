/**
 * What the import takes from the website's format beyond the plain posting (issue 11): Hugo's
 * own file-name addresses, front matter in TOML and JSON, Hugo's date and address keys, page
 * references, nested shortcodes, heading ids, embedded forms, buttons without a link, section
 * pages, and Hugo's refusals. The fixtures (test/fixtures/hugo/features) are fictional; the
 * differential test builds them through the real website too.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {beforeAll, describe, expect, it} from 'vitest'

import {importHugoContent, type ImportedDocument, type ImportResult} from '../../lib/import'

const FEATURES = fileURLToPath(new URL('../fixtures/hugo/features/content', import.meta.url))
const SITE = fileURLToPath(new URL('../../../shared/site', import.meta.url))

type Span = {text: string; marks: string[]}
type Block = {
  _type: string
  _key: string
  style?: string
  listItem?: string
  children?: Span[]
  markDefs?: {_key: string; _type: string; href?: string; id?: string}[]
  [field: string]: unknown
}

const byId = (result: ImportResult, id: string) => {
  const found = result.documents.find((document) => document._id === id)
  if (!found) throw new Error(`No document ${id}`)
  return found
}
const bodyOf = (document: ImportedDocument) => document.body as Block[]
const bySlug = (result: ImportResult, slug: string) => {
  const found = result.documents.find(
    (document) => (document.slug as {current?: string} | undefined)?.current === slug,
  )
  if (!found) throw new Error(`No posting at ${slug}`)
  return found
}
const text = (block: Block | undefined) => block?.children?.map((span) => span.text).join('') ?? ''
const kept = (document: ImportedDocument) =>
  Object.fromEntries(
    ((document.hugo as {frontMatter: {key: string; value: string}[]}).frontMatter ?? []).map(
      (entry) => [entry.key, JSON.parse(entry.value) as unknown],
    ),
  )

describe('the website’s format, beyond the plain posting', () => {
  let result: ImportResult
  beforeAll(async () => {
    result = await importHugoContent({paths: [FEATURES], siteDir: SITE, validate: false})
  })

  it('imports every feature page without errors', () => {
    expect(result.report.issues.filter((issue) => issue.severity === 'error')).toEqual([])
    expect(result.report.counts.posting).toBe(4)
  })

  it('gives each page Hugo’s own path segment as its slug', () => {
    const slugs = result.documents
      .filter((document) => document._type === 'posting')
      .map((document) => (document.slug as {current: string}).current)
      .sort()
    expect(slugs).toEqual(['a--b_c', 'full-stack-dev', 'json-front-matter', 'toml-front-matter'])
  })

  it('reads TOML front matter with Hugo’s own keys through the one table', () => {
    const page = byId(result, 'drafts.posting-career-toml-front-matter')
    expect(page).toMatchObject({
      title: 'Night Shift Operator',
      employmentType: 'partTime',
      publishedAt: '2026-04-04T00:00:00.000Z',
      // expiryDate is Hugo's closing date.
      validThrough: '2026-12-31T00:00:00.000Z',
    })
    // Hugo's own keys come back as they were: its page address, publish and modified dates.
    expect(kept(page)).toMatchObject({
      url: '/jobs/night-shift-operator/',
      publishDate: '2026-04-05',
      lastmod: '2026-04-06T10:00:00.000+02:00',
    })
  })

  it('reads JSON front matter after a byte-order mark and blank lines, and reports unmapped keys', () => {
    const page = byId(result, 'drafts.posting-career-json-front-matter')
    expect(page).toMatchObject({title: 'Network Engineer', language: 'en'})
    expect(kept(page)).toMatchObject({weight: 5, customer: 'internal'})
    expect(result.report.issues).toContainEqual(
      expect.objectContaining({
        file: 'career/json-front-matter.md',
        severity: 'info',
        // Hugo's own weight has its place in the table (kept as written); customer has none.
        message: 'Front matter with no field here, kept as written for the website: customer.',
      }),
    )
  })

  it('keeps a spacer and the card written on the next line together, and the button pair', () => {
    const page = byId(result, 'drafts.posting-career-json-front-matter')
    const body = bodyOf(page)
    expect(body.map((block) => block._type)).toEqual([
      'block',
      'callToActionPair',
      'spacer',
      'contactCard',
    ])
    expect(body[1]).toMatchObject({
      label: 'Apply now',
      secondaryLabel: 'Ask the team',
      secondaryUrl: 'mailto:network@norrsken-cloud.example',
    })
    expect((page.hugo as {joinedBlocks?: string[]}).joinedBlocks).toEqual([body[3]?._key])
  })

  it('resolves relref and ref the way Hugo does', () => {
    const page = bySlug(result, 'full-stack-dev')
    const hrefs = bodyOf(page)
      .flatMap((block) => block.markDefs ?? [])
      .map((mark) => mark.href)
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/career/a--b_c/',
        '/career/a--b_c/#what-you-will-do',
        // ref is the full address, from the site's baseURL.
        'https://www.safespring.com/career/a--b_c/',
      ]),
    )
  })

  it('takes {#id} as the heading’s jump-target name and keeps loose lists spaced', () => {
    const body = bodyOf(bySlug(result, 'full-stack-dev'))
    const work = body.find((block) => text(block) === 'What you will do')
    expect(work?.markDefs).toEqual([expect.objectContaining({_type: 'headingAnchor', id: 'work'})])
    expect(
      body.filter((block) => block.listItem).map((block) => [block.listItem, text(block)]),
    ).toEqual([
      ['bulletSpaced', 'Build screens customers enjoy'],
      ['bulletSpaced', 'Write the APIs behind them'],
      ['bulletSpaced', 'Keep both fast'],
      ['number', 'A four-day week in July'],
      ['number', 'Books and courses'],
    ])
  })

  it('parses shortcodes nested in a box into the box’s blocks', () => {
    const body = bodyOf(bySlug(result, 'full-stack-dev'))
    const note = body.find((block) => block._type === 'callout')
    const content = note?.content as Block[]
    expect(content.map((block) => block._type)).toEqual(['block', 'callToAction'])
    expect(content[0]?.children).toContainEqual(
      expect.objectContaining({text: 'Tip:', marks: ['runIn']}),
    )
    // A link to a .md file is the website's relref.
    expect(content[1]).toMatchObject({label: 'Read the handbook', url: '/career/a--b_c/'})
  })

  it('keeps a button without a link, and says so with the line', () => {
    const body = bodyOf(bySlug(result, 'full-stack-dev'))
    expect(body.find((block) => block.label === 'Coming soon')).toMatchObject({
      _type: 'callToAction',
      variant: 'button',
    })
    expect(body.find((block) => block.label === 'Coming soon')?.url).toBeUndefined()
    expect(result.report.issues).toContainEqual(
      expect.objectContaining({
        file: 'career/Full Stack Dev.md',
        line: 40,
        severity: 'warning',
        message: expect.stringMatching(/has no link: it was kept/),
      }),
    )
    expect(body.find((block) => block.label === 'Send your CV')).toMatchObject({hugoForm: '%'})
  })

  it('keeps an application form in a frame as an embedded form, reported as sandboxed', () => {
    const body = bodyOf(bySlug(result, 'full-stack-dev'))
    expect(body.find((block) => block._type === 'embeddedForm')).toMatchObject({
      url: 'https://forms.norrsken-cloud.example/apply/full-stack',
      title: 'Application form',
      width: '640',
      height: '900',
      anchorId: 'apply',
      fallbackText: 'Loading the form…',
      frameAttributes: [expect.objectContaining({name: 'frameborder', value: '0'})],
    })
    expect(result.report.issues).toContainEqual(
      expect.objectContaining({
        file: 'career/Full Stack Dev.md',
        message: expect.stringMatching(/forms\.norrsken-cloud\.example.*sandboxed/),
      }),
    )
    // The apply link "#apply" finds the form's jump target: no warning about it.
    expect(result.report.issues).not.toContainEqual(
      expect.objectContaining({file: 'career/Full Stack Dev.md', field: 'apply.url'}),
    )
  })

  it('places the process and keeps its steps’ formatting and its heading', () => {
    const page = byId(result, 'drafts.posting-career-toml-front-matter')
    const process = byId(result, (page.recruitmentProcess as {_ref: string})._ref)
    const steps = (process.steps as {text: Block[]}[]).map((step) =>
      step.text[0]?.children?.map((span) => [span.text, span.marks]),
    )
    expect(steps).toEqual([
      [
        ['Call', ['strong']],
        [' - a short conversation with the shift lead.', []],
      ],
      [
        ['Visit', ['strong']],
        [' - a night with the team, paid, ', []],
        ['before', ['strong']],
        [' you decide.', []],
      ],
      [['Offer', []]],
    ])
    expect((process.closing as Block[]).map((block) => [block.style, text(block)])).toEqual([
      ['h3', 'After the offer'],
      ['normal', 'We plan your first month together.'],
    ])
    const body = bodyOf(page)
    expect(body.map((block) => block._type)).toEqual([
      'ingressPlacement',
      'block',
      'recruitmentProcessPlacement',
      'highlightedText',
      'block',
      'block',
    ])
    expect(page.hugo).toMatchObject({accordionScript: {after: body[2]?._key}})
  })
})

describe('section pages, list stubs and Hugo’s refusals', () => {
  let result: ImportResult
  const issuesOf = (file: string) => result.report.issues.filter((issue) => issue.file === file)

  beforeAll(async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), 'hugo-features-')), 'content')
    const page = (relative: string, text: string) => {
      mkdirSync(path.dirname(path.join(content, relative)), {recursive: true})
      writeFileSync(path.join(content, relative), text)
    }
    page(
      'career/_index.md',
      '---\ntitle: "Work with us"\nintro: "Four data centres, one calm team."\nlist: "horisontal"\nTeam: "Leftover"\n---\n\n{{< ingress >}}\nWe hire all year.\n{{< /ingress >}}\n\n## Open positions\n',
    )
    page('blogg/_index.md', '---\ntitle: "Blog"\n---\n')
    page('career/all-jobs.md', '---\ntitle: "All jobs"\nlist: "horisontal"\n---\n')
    page(
      'career/refused.md',
      '---\ntitle: "Refused"\n---\n\n{{< localbutton text="x" link="/y" >}}{{< /localbutton >}}\n\n{{< no-such-shortcode >}}\n\n[x]({{< relref "missing.md" >}})\n\n{{% note "Open" %}}\nnever closed\n',
    )
    page(
      'career/frames.md',
      '---\ntitle: "Frames"\n---\n\n<iframe src="http://forms.example.com/plain"></iframe>\n\n<iframe src="https://elsewhere.example/form" title="Elsewhere"></iframe>\n\n<iframe src="https://forms.example.com/ok" title="Fine"></iframe>\n',
    )
    result = await importHugoContent({
      paths: [content],
      siteDir: SITE,
      embedOrigins: ['https://forms.example.com'],
      validate: false,
    })
  })

  it('makes the careers section’s _index.md the careers page, fields and all', () => {
    const careers = byId(result, 'careersPage-career')
    expect(careers).toMatchObject({
      _type: 'careersPage',
      title: 'Work with us',
      intro: 'Four data centres, one calm team.',
    })
    expect(bodyOf(careers).map((block) => block._type)).toEqual(['ingressPlacement', 'block'])
    // The posting keys a section page carries are kept as written, for the export.
    expect(kept(careers)).toMatchObject({list: 'horisontal', Team: 'Leftover'})
  })

  it('leaves other sections’ list pages and list-layout stubs out, saying so', () => {
    for (const file of ['blogg/_index.md', 'career/all-jobs.md']) {
      expect(result.report.files).toContainEqual({file, status: 'skipped', documentIds: []})
      expect(issuesOf(file)).toEqual([
        expect.objectContaining({
          severity: 'info',
          message: expect.stringMatching(/not a posting/),
        }),
      ])
    }
    expect(result.report.counts.posting).toBe(1)
  })

  it('refuses what Hugo refuses, each with its line', () => {
    const errors = issuesOf('career/refused.md').filter((issue) => issue.severity === 'error')
    expect(errors.map((issue) => [issue.line, issue.message])).toEqual([
      [5, expect.stringMatching(/"localbutton" takes no inner content/)],
      [7, expect.stringMatching(/no "no-such-shortcode" shortcode/)],
      [11, expect.stringMatching(/"note" opened here is never closed/)],
    ])
  })

  it('refuses a page reference to no page, as Hugo’s REF_NOT_FOUND does', async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), 'hugo-ref-')), 'content', 'career')
    mkdirSync(content, {recursive: true})
    writeFileSync(
      path.join(content, 'ref.md'),
      '---\ntitle: "Ref"\n---\n\nSee [this]({{< relref "missing.md" >}}).\n',
    )
    const refs = await importHugoContent({paths: [content], validate: false})
    expect(refs.report.issues).toContainEqual(
      expect.objectContaining({
        file: 'career/ref.md',
        line: 5,
        severity: 'error',
        message: expect.stringMatching(/"missing.md" finds no page.*REF_NOT_FOUND/),
      }),
    )
  })

  it('keeps only secure forms from the allowed origins as embedded forms', () => {
    const frames = bodyOf(byId(result, 'posting-career-frames'))
    expect(frames.map((block) => [block._type, block.url ?? block.reason])).toEqual([
      ['preservedSource', expect.stringMatching(/Only secure pages/)],
      ['preservedSource', expect.stringMatching(/not on the list of sites/)],
      ['embeddedForm', 'https://forms.example.com/ok'],
    ])
  })
})
