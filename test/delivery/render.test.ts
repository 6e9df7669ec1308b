import {beforeAll, describe, expect, it} from 'vitest'

import {createLocalDataset} from '../../lib/dataset'
import {
  DEFAULT_SITE_SETTINGS,
  findMissingJobPostingFields,
  renderPostingPage,
  type PostingPageData,
} from '../../lib/render'
import {careersFixture, draftOnlyPosting, FIXTURE_NOW} from '../fixtures/documents/careers'
import {
  expectWellFormedPage,
  jobPostingOf,
  parseHtml,
  postingBySlug,
  visibleText,
} from './pageAssertions'

const settings = DEFAULT_SITE_SETTINGS

describe('posting page of the fixture posting', () => {
  let posting: PostingPageData
  let document: Document
  let issues: ReturnType<typeof renderPostingPage>['issues']
  beforeAll(async () => {
    const dataset = createLocalDataset(careersFixture, {now: () => FIXTURE_NOW})
    posting = await postingBySlug(dataset, 'platform-engineer')
    const page = renderPostingPage(posting, settings)
    document = parseHtml(page.html)
    issues = page.issues
  })

  it('is a well-formed, accessible page with nothing to report', () => {
    expectWellFormedPage(document)
    expect(issues).toEqual([])
    expect(visibleText(document.querySelector('h1'))).toBe('Senior Platform Engineer')
    expect(document.title).toContain('Senior Platform Engineer')
  })

  it('has a labelled sidebar with team, location, employment and the apply button', () => {
    const sidebar = document.querySelector('main aside')
    expect(sidebar?.getAttribute('aria-label')).toBe('About the job')
    const facts = [...(sidebar?.querySelectorAll('dt') ?? [])].map((term) => [
      visibleText(term),
      visibleText(term.nextElementSibling),
    ])
    expect(facts).toEqual(
      expect.arrayContaining([
        ['Team', 'Platform team'],
        ['Location', 'Remote (Norway or Sweden)'],
        ['Employment', 'Full time'],
      ]),
    )
    const apply = sidebar?.querySelector('a.apply-button')
    expect(apply?.getAttribute('href')).toBe(posting.apply?.url)
    expect(visibleText(apply)).toBe('Apply now')
  })

  it('renders every custom block of the body', () => {
    expect(document.querySelector('.run-in')?.textContent).toBe('Operate:')
    expect(document.querySelector('.callout[role="note"] .callout__title')?.textContent).toBe(
      'Collective agreement',
    )
    expect(document.querySelectorAll('a.cta')).toHaveLength(6)
    expect(document.querySelector('a.cta--button[target="_blank"]')?.getAttribute('rel')).toBe(
      'noopener noreferrer',
    )
    expect(document.querySelector('.icon-links a')?.getAttribute('href')).toBe('#pa-norsk')
    expect(document.querySelector('.contact-card a')?.getAttribute('href')).toBe(
      'mailto:sigrid.lunde@example.com',
    )
    expect(document.querySelector('details#remote-question > summary')?.textContent).toBe(
      'Can I work from Tromsø?',
    )
    expect(document.getElementById('apply')).not.toBeNull()
    expect(document.querySelector('figure img')?.getAttribute('alt')).toBe(
      'The team at a whiteboard',
    )
    expect(document.querySelector('.preserved .highlight b')?.textContent).toBe('as is')
  })

  it('shows the recruitment steps as an ordered list with sub-steps, formatting kept', () => {
    const steps = document.querySelectorAll('.recruitment-process > ol > li')
    expect([...steps].map((step) => visibleText(step.querySelector('strong')))).toEqual([
      'First call',
      'Technical conversations',
      'Offer',
    ])
    expect(steps[1]?.querySelectorAll('ol > li')).toHaveLength(2)
    expect(steps[2]?.querySelector('em')?.textContent).toBe('written')
  })

  it('shows the lead paragraph and the process where the body places them', () => {
    const content = document.querySelector('.posting__content')
    const order = [
      ...(content?.querySelectorAll('.icon-links, .ingress, .recruitment-process, #apply') ?? []),
    ]
    expect(order.map((element) => element.className || element.id)).toEqual([
      'icon-links',
      'ingress',
      'recruitment-process',
      'page-anchor',
      // The highlighted paragraph of the Norwegian section.
      'ingress',
    ])
    expect(document.querySelector('section.recruitment-process')?.id).toBe('process')
  })

  it('renders spacing, the button pair, spaced lists and a sandboxed form', () => {
    expect(document.querySelector('div#contact.spacer')).not.toBeNull()
    const pair = document.querySelector('.cta-row a.cta--button + a.cta--textLink')
    expect(pair?.getAttribute('href')).toBe('tel:+4740012345')
    expect(pair?.getAttribute('target')).toBe('_blank')
    expect(document.querySelectorAll('ul.list--spaced > li > p')).toHaveLength(2)
    const frame = document.querySelector('#form iframe')
    expect(frame?.getAttribute('src')).toBe('https://forms.example.com/nordvik/apply')
    expect(frame?.getAttribute('sandbox')).toBe(
      'allow-forms allow-scripts allow-same-origin allow-popups',
    )
    expect(frame?.getAttribute('title')).toBe('Application form')
  })

  it('lists the headings in the table of contents, linked to their ids as Hugo gives them', () => {
    const toc = document.querySelector('nav.toc')
    expect(visibleText(toc?.querySelector('h2'))).toBe('On this page')
    const targets = [...(toc?.querySelectorAll('a') ?? [])].map((link) => link.getAttribute('href'))
    expect(targets).toEqual([
      '#what-you-will-do',
      '#who-you-are',
      '#what-we-offer',
      '#how-to-apply',
      // An id the author set, as `## På norsk {#pa-norsk}` does on the website.
      '#pa-norsk',
    ])
  })

  it('carries a JobPosting that Google accepts', () => {
    const jobPosting = jobPostingOf(document)
    expect(findMissingJobPostingFields(jobPosting)).toEqual([])
    expect(jobPosting).toMatchObject({
      title: 'Senior Platform Engineer',
      datePosted: '2026-01-10T00:00:00Z',
      validThrough: '2026-12-31T23:59:00Z',
      employmentType: 'FULL_TIME',
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: [
        {'@type': 'Country', name: 'Norway'},
        {'@type': 'Country', name: 'Sweden'},
      ],
      directApply: true,
      hiringOrganization: {'@type': 'Organization', name: settings.organizationName},
    })
    expect(parseHtml(jobPosting.description ?? '').body.textContent).toContain('What you will do')
  })

  it('gives an on-site posting a place with its country', async () => {
    const dataset = createLocalDataset(careersFixture, {now: () => FIXTURE_NOW})
    const page = renderPostingPage(await postingBySlug(dataset, 'office-coordinator'), settings)
    expect(page.jsonLd.jobLocation).toEqual([
      {
        '@type': 'Place',
        address: {'@type': 'PostalAddress', addressLocality: 'Oslo', addressCountry: 'NO'},
      },
    ])
    expect(page.jsonLd.directApply).toBe(true)
  })
})

describe('a posting page in the posting language', () => {
  it.each([
    ['sv', 'Anställning', 'Heltid', 'Ansök'],
    ['no', 'Ansettelse', 'Heltid', 'Søk'],
    ['en', 'Employment', 'Full time', 'Apply'],
  ])('says the job facts in %s', async (language, term, fullTime, apply) => {
    const dataset = createLocalDataset(
      [
        ...careersFixture.filter(({_id}) => _id !== draftOnlyPosting._id),
        {...draftOnlyPosting, language, apply: {url: '#down'}},
      ],
      {now: () => FIXTURE_NOW},
    )
    const posting = await postingBySlug(dataset, 'data-engineer')
    const page = parseHtml(renderPostingPage(posting, settings).html)
    const facts = [...page.querySelectorAll('main aside dt')].map((dt) => [
      visibleText(dt),
      visibleText(dt.nextElementSibling),
    ])
    expect(facts).toContainEqual([term, fullTime])
    expect(visibleText(page.querySelector('a.apply-button'))).toBe(apply)
  })

  it('puts the facts and the apply button before the text, for phones', () => {
    const html = renderPostingPage(
      {...(draftOnlyPosting as unknown as PostingPageData), body: []},
      settings,
    ).html
    expect(html.indexOf('class="posting__sidebar"')).toBeLessThan(
      html.indexOf('class="posting__content"'),
    )
  })
})
