import type {SanityDocument} from 'sanity'
import {beforeAll, describe, expect, it} from 'vitest'

import type {DocumentProblem, ValidateOptions} from '../../lib/sanity/validateDocuments'
import {
  validContact,
  validDataset,
  validParagraph,
  validPosting,
  validProcess,
  validTeam,
} from '../fixtures/documents/validDocuments'

// Sanity's own validator, loaded once: importing `sanity` takes a few seconds.
let validateDocuments: (
  documents: readonly SanityDocument[],
  options?: ValidateOptions,
) => Promise<DocumentProblem[]>
beforeAll(async () => {
  ;({validateDocuments} = await import('../../lib/sanity/validateDocuments'))
})

/** Validate one changed document among the otherwise valid dataset; return its problems. */
async function problemsOf(document: SanityDocument) {
  const others = validDataset.filter((candidate) => candidate._id !== document._id)
  const problems = await validateDocuments([...others, document])
  return problems.filter((problem) => problem.documentId === document._id)
}

const errorsOf = async (document: SanityDocument) =>
  (await problemsOf(document)).filter((problem) => problem.level === 'error')

describe('a valid dataset', () => {
  it('has no problems at all', async () => {
    expect(await validateDocuments(validDataset)).toEqual([])
  })
})

describe('validating in worker threads', () => {
  it('finds what one thread finds, in the same order, including the checks that query', async () => {
    // Enough documents for several batches; a duplicate web address (answered by a query to the
    // main thread), a missing reference and field errors among them.
    const postings = Array.from({length: 60}, (_, index) => ({
      ...validPosting,
      _id: `posting-${index}`,
      slug: {_type: 'slug', current: `posting-${index % 50}`},
      ...(index % 7 === 0 ? {title: undefined} : {}),
      ...(index % 11 === 0 ? {team: {_type: 'reference', _ref: 'team-that-is-gone'}} : {}),
    })) as SanityDocument[]
    const documents = [
      ...validDataset.filter((document) => document._type !== 'posting'),
      ...postings,
    ]

    const onThread = await validateDocuments(documents, {workers: 1})
    const inWorkers = await validateDocuments(documents, {workers: 2})

    expect(onThread.length).toBeGreaterThan(20)
    expect(onThread.some((problem) => problem.path === 'slug')).toBe(true)
    expect(onThread.some((problem) => problem.path === 'team')).toBe(true)
    expect(inWorkers).toEqual(onThread)
  }, 120_000)
})

describe('posting', () => {
  it.each([
    ['title', {title: undefined}, 'title', 'Give the posting a title.'],
    ['slug', {slug: undefined}, 'slug', 'Generate the web address from the title.'],
    [
      'slug shape',
      {slug: {_type: 'slug', current: 'Backend Engineer!'}},
      'slug',
      'The website would serve this page at "backend-engineer": use that, like "backend-engineer".',
    ],
    [
      'language',
      {language: undefined},
      'language',
      'Choose the language the posting is written in.',
    ],
    ['publishedAt', {publishedAt: undefined}, 'publishedAt', 'Set the publication date.'],
    [
      'way to apply',
      {apply: undefined},
      'apply',
      'Add how to apply: a posting cannot be published without a way to apply.',
    ],
    [
      'javascript: apply link',
      {apply: {_type: 'applyLink', label: 'Apply', url: 'javascript:alert(1)'}},
      'apply.url',
      'Links starting with "javascript:" are not allowed.',
    ],
    [
      'http apply link',
      {apply: {_type: 'applyLink', label: 'Apply', url: 'http://jobs.example.com/1'}},
      'apply.url',
      'This field takes a secure web address (https://…), an email link (mailto:…) or a link to a section of the page (#…), not a http link.',
    ],
    [
      'mailto without address',
      {apply: {_type: 'applyLink', label: 'Apply', url: 'mailto:?subject=Hi'}},
      'apply.url',
      '"mailto:?subject=Hi" does not contain a valid email address after mailto:.',
    ],
    [
      'closing date before publication',
      {validThrough: '2025-12-01T00:00:00Z'},
      'validThrough',
      'The closing date must come after the publication date.',
    ],
    [
      'alias without leading slash',
      {aliases: ['old/job']},
      'aliases',
      'Each old address is a path starting with "/", without spaces.',
    ],
  ])('refuses a missing or wrong %s', async (_name, change, path, message) => {
    const errors = await errorsOf({...validPosting, ...change} as SanityDocument)
    expect(errors).toContainEqual(expect.objectContaining({path, message}))
  })

  it('accepts https, mailto with subject and body, and an in-page anchor as apply links', async () => {
    for (const url of [
      'https://jobs.example.com/backend?ref=careers',
      'mailto:jobs@example.com?subject=Backend%20Engineer&body=Hello',
      '#apply',
    ]) {
      const errors = await errorsOf({
        ...validPosting,
        apply: {label: 'Apply', url},
      } as SanityDocument)
      expect(errors, url).toEqual([])
    }
  })

  it('refuses a duplicate web address of another posting', async () => {
    const twin = {...validPosting, _id: 'posting-twin'} as SanityDocument
    const problems = await validateDocuments([...validDataset, twin])
    expect(problems).toContainEqual(
      expect.objectContaining({documentId: 'posting-twin', path: 'slug', level: 'error'}),
    )
  })

  it('warns, without blocking, about a long intro and a missing employment type', async () => {
    const problems = await problemsOf({
      ...validPosting,
      intro: 'x'.repeat(200),
      employmentType: undefined,
    } as SanityDocument)
    expect(problems).toEqual([
      expect.objectContaining({path: 'employmentType', level: 'warning'}),
      expect.objectContaining({
        path: 'intro',
        level: 'warning',
        message: 'Search engines cut text after about 160 characters.',
      }),
    ])
  })

  it('warns when the apply link jumps to a section the posting does not have', async () => {
    const problems = await problemsOf({...validPosting, body: [validParagraph]})
    expect(problems).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        path: 'apply.url',
        message:
          'The apply link points to "#apply", but the body has no jump target with that name.',
      }),
    )
  })

  it('checks links inside the body text', async () => {
    const body = [
      {
        _key: 'b1',
        _type: 'block',
        style: 'normal',
        markDefs: [{_key: 'l1', _type: 'link', href: 'data:text/html,<script>alert(1)</script>'}],
        children: [{_key: 's1', _type: 'span', marks: ['l1'], text: 'click'}],
      },
      {_key: 'b2', _type: 'pageAnchor', anchorId: 'apply'},
    ]
    const errors = await errorsOf({...validPosting, body} as SanityDocument)
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'body[_key=="b1"].markDefs[_key=="l1"].href',
        message: 'Links starting with "data:" are not allowed.',
      }),
    ])
  })
})

describe('posting addresses (one policy with the export)', () => {
  it.each([
    [
      '.',
      'Use letters, digits and hyphens, like "backend-engineer": "/", "\\", "#", "%", "?" and a leading "." make broken addresses.',
    ],
    [
      '..',
      'Use letters, digits and hyphens, like "backend-engineer": "/", "\\", "#", "%", "?" and a leading "." make broken addresses.',
    ],
    [
      'feed.json',
      '"feed.json" is taken by the careers pages themselves: choose another web address, like "backend-engineer".',
    ],
    [
      'index',
      '"index" is taken by the careers pages themselves: choose another web address, like "backend-engineer".',
    ],
  ])('refuses the web address %j, naming the slug field', async (current, message) => {
    const errors = await errorsOf({
      ...validPosting,
      slug: {_type: 'slug', current},
    } as SanityDocument)
    expect(errors).toContainEqual(expect.objectContaining({path: 'slug', message}))
  })

  it.each([
    ['/', 'The home page cannot redirect to a posting.'],
    ['/career/', 'The careers page cannot redirect to a posting.'],
    ['/career', 'The careers page cannot redirect to a posting.'],
    [
      '/career/feed.json',
      '"/career/feed.json" is a file of the website: it cannot redirect to a posting.',
    ],
    ['/sitemap.xml', '"/sitemap.xml" is a file of the website: it cannot redirect to a posting.'],
    [
      '/old/../career/',
      '"/old/../career/" climbs out of its folder with "." or "..": write the full path.',
    ],
    [
      '//evil.example/job',
      '"//evil.example/job" would lead to another website: an old address is a path on ours, starting with one "/" and without backslashes.',
    ],
    [
      '/\\evil.example/job',
      '"/\\evil.example/job" would lead to another website: an old address is a path on ours, starting with one "/" and without backslashes.',
    ],
  ])('refuses the old address %j, naming the aliases field', async (alias, message) => {
    const errors = await errorsOf({...validPosting, aliases: [alias]} as SanityDocument)
    expect(errors).toContainEqual(expect.objectContaining({path: 'aliases', message}))
  })

  it("refuses an old address that is another posting's address or old address", async () => {
    const other = {
      ...validPosting,
      _id: 'posting-other',
      slug: {_type: 'slug', current: 'other-job'},
      aliases: ['/jobs/other'],
      // Open whatever today is: only open postings' addresses are taken.
      validThrough: undefined,
    } as SanityDocument
    const pointingAtPage = {...validPosting, aliases: ['/career/other-job']} as SanityDocument
    const pointingAtAlias = {...validPosting, aliases: ['/jobs/other/']} as SanityDocument
    for (const [document, message] of [
      [
        pointingAtPage,
        '"/career/other-job/" is the address of another posting: remove it here, or that posting would be replaced by a redirect.',
      ],
      [
        pointingAtAlias,
        'Another posting already lists "/jobs/other/" as an old address: an old address can lead to one posting only.',
      ],
    ] as const) {
      const problems = await validateDocuments([
        ...validDataset.filter((candidate) => candidate._id !== document._id),
        other,
        document,
      ])
      expect(problems).toContainEqual(
        expect.objectContaining({documentId: document._id, path: 'aliases', message}),
      )
    }
  })

  it("accepts an old address that is an expired posting's address", async () => {
    const expired = {
      ...validPosting,
      _id: 'posting-expired',
      slug: {_type: 'slug', current: 'old-job'},
      publishedAt: '2020-01-01T00:00:00Z',
      validThrough: '2020-06-01T00:00:00Z',
    } as SanityDocument
    const takingOver = {...validPosting, aliases: ['/career/old-job/']} as SanityDocument
    const problems = await validateDocuments([
      ...validDataset.filter((candidate) => candidate._id !== takingOver._id),
      expired,
      takingOver,
    ])
    expect(problems.filter((problem) => problem.documentId === takingOver._id)).toEqual([])
  })

  it('accepts old addresses elsewhere on the site, and its own', async () => {
    const slug = (validPosting.slug as {current: string}).current
    const aliases = ['/blogg/old-job', '/jobs/backend/', `/career/${slug}/`]
    expect(await errorsOf({...validPosting, aliases} as SanityDocument)).toEqual([])
  })

  it.each([
    ['&#106;avascript:alert(1)', 'Links starting with "javascript:" are not allowed.'],
    [
      '/\\evil.example/apply',
      '"/\\evil.example/apply" leads to another website (evil.example): write the full address starting with https://.',
    ],
  ])('refuses a disguised apply link %j as the export does', async (url, message) => {
    const errors = await errorsOf({
      ...validPosting,
      apply: {_type: 'applyLink', label: 'Apply', url},
    } as SanityDocument)
    expect(errors).toContainEqual(expect.objectContaining({path: 'apply.url', message}))
  })
})

describe('posting translations', () => {
  const weak = (id: string) => ({_type: 'reference', _ref: id, _weak: true, _key: id})
  const english = {...validPosting, translations: [weak('posting-backend-sv')]} as SanityDocument
  const swedish = {
    ...validPosting,
    _id: 'posting-backend-sv',
    title: 'Backendutvecklare',
    slug: {_type: 'slug', current: 'backendutvecklare'},
    language: 'sv',
  } as SanityDocument
  const translationErrors = async (documents: SanityDocument[], id: string) =>
    (
      await validateDocuments([
        ...validDataset.filter(({_id}) => _id !== english._id),
        ...documents,
      ])
    )
      .filter((problem) => problem.documentId === id && problem.path === 'translations')
      .map((problem) => problem.message)

  it('asks for the link back when sv is listed but does not list en', async () => {
    expect(await translationErrors([english, swedish], english._id)).toEqual([
      '"Backendutvecklare" does not list this posting among its translations: add this posting there too, so both pages link to each other.',
    ])
  })

  it('is content when the two list each other, the draft counting as the next version', async () => {
    const linkedBack = {...swedish, translations: [weak(english._id)]} as SanityDocument
    expect(await translationErrors([english, linkedBack], english._id)).toEqual([])
    expect(await translationErrors([english, linkedBack], linkedBack._id)).toEqual([])
    const draftLinksBack = {...linkedBack, _id: `drafts.${swedish._id}`} as SanityDocument
    expect(await translationErrors([english, swedish, draftLinksBack], english._id)).toEqual([])
  })

  it('refuses a translation in the posting’s own language', async () => {
    const alsoEnglish = {...swedish, language: 'en', translations: [weak(english._id)]}
    expect(await translationErrors([english, alsoEnglish as SanityDocument], english._id)).toEqual([
      '"Backendutvecklare" is in this posting\'s own language: link only other languages.',
    ])
  })
})

describe('contact', () => {
  it('requires an email address and checks its format', async () => {
    expect(await errorsOf({...validContact, email: undefined} as SanityDocument)).toEqual([
      expect.objectContaining({
        path: 'email',
        message: 'Add an email address so candidates can reach this person.',
      }),
    ])
    expect(
      await errorsOf({...validContact, email: 'ada at example.com'} as SanityDocument),
    ).toEqual([
      expect.objectContaining({
        path: 'email',
        message: '"ada at example.com" is not an email address: check for typos.',
      }),
    ])
  })

  it('checks the phone number format', async () => {
    expect(await errorsOf({...validContact, phone: 'call me'} as SanityDocument)).toEqual([
      expect.objectContaining({path: 'phone'}),
    ])
    expect(await errorsOf({...validContact, phone: '(08) 123 45 67'} as SanityDocument)).toEqual([])
  })
})

describe('team', () => {
  it('requires a name and a web address', async () => {
    const errors = await errorsOf({
      ...validTeam,
      name: undefined,
      slug: undefined,
    } as SanityDocument)
    expect(errors.map((error) => error.path).sort()).toEqual(['name', 'slug'])
  })
})

describe('recruitment process', () => {
  it('requires a heading and at least one step with words', async () => {
    expect(await errorsOf({...validProcess, steps: []} as SanityDocument)).toEqual([
      expect.objectContaining({path: 'steps', message: 'Add the steps of the process.'}),
    ])
    const unnamed = {...validProcess, steps: [{_key: 's1', _type: 'recruitmentStep'}]}
    expect(await errorsOf(unnamed as SanityDocument)).toEqual([
      expect.objectContaining({
        path: 'steps[_key=="s1"].text',
        message: 'Write what happens in this step.',
      }),
    ])
    expect(await errorsOf({...validProcess, title: ''} as SanityDocument)).toEqual([
      expect.objectContaining({path: 'title'}),
    ])
  })
})
