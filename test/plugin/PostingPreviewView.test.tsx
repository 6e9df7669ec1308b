// @vitest-environment jsdom
import {cleanup, fireEvent, screen, waitFor, within} from '@testing-library/react'
import type {SanityDocument} from 'sanity'
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest'

import {resolveCareersConfig} from '../../plugins/careers'
import {REFERENCED_DOCUMENTS_QUERY} from '../../plugins/careers/queries'
import {PostingPreviewView} from '../../plugins/careers/views'
import {
  engineeringProcess,
  openPosting,
  platformTeam,
  recruiter,
} from '../fixtures/documents/careers'
import {block} from '../fixtures/documents/portableText'
import {fakeStudio, renderInStudio} from './studioHarness'

vi.mock('sanity', async (importOriginal) =>
  (await import('./fakeStudio')).mockSanity(await importOriginal()),
)

const config = resolveCareersConfig({siteBaseUrl: 'https://careers.example.com'})

/** The team has unpublished edits: the drafts perspective must show them in the preview. */
const teamDraft = {...platformTeam, _id: 'drafts.team-platform', name: 'Platform & Reliability'}

/** The posting as an editor is changing it: new title, one unsafe link, one dead in-page link. */
const editedPosting = {
  ...openPosting,
  _id: 'drafts.posting-platform-engineer',
  title: 'Staff Platform Engineer',
  body: [
    ...(openPosting.body as object[]),
    block([{text: 'Run this', marks: ['bad']}, ' or ', {text: 'jump away', marks: ['dead']}], {
      links: {bad: 'javascript:alert(1)', dead: '#no-such-section'},
    }),
  ],
} as unknown as SanityDocument

function renderPreview(displayed: SanityDocument) {
  return renderInStudio(
    <PostingPreviewView
      document={{
        draft: displayed,
        published: openPosting as unknown as SanityDocument,
        displayed,
        historical: null,
      }}
      documentId="posting-platform-engineer"
      schemaType={{name: 'posting', jsonType: 'object'} as never}
      options={config}
    />,
  )
}

async function pageFrame(): Promise<HTMLIFrameElement> {
  // The first render loads the renderer chunk, which takes a while in a cold test process.
  return (await screen.findByTitle('The posting as the website shows it', undefined, {
    timeout: 20_000,
  })) as HTMLIFrameElement
}

async function waitForPanel(id: string): Promise<HTMLElement> {
  return waitFor(() => {
    const panel = document.getElementById(id)
    if (!panel) throw new Error(`No panel #${id} yet`)
    return panel
  })
}

beforeEach(() => {
  fakeStudio.reset([platformTeam, teamDraft, recruiter, engineeringProcess, openPosting])
})
afterEach(cleanup)

describe('Preview view', () => {
  test('renders the edited posting with the website renderer, references resolved as drafts', async () => {
    renderPreview(editedPosting)
    const frame = await pageFrame()
    const html = frame.getAttribute('srcdoc') ?? ''
    expect(html).toContain('<h1>Staff Platform Engineer</h1>')
    expect(html).toContain('Platform &amp; Reliability')
    expect(html).toContain('How we hire engineers')
    // Site-relative addresses resolve against the website, and nothing in the page may run.
    expect(html).toContain('<base href="https://careers.example.com/">')
    expect(html).toMatch(/<style>[^<]*\.posting__layout/)
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin')

    const referenceFetch = fakeStudio.fetches.find(
      (fetch) => fetch.query === REFERENCED_DOCUMENTS_QUERY,
    )
    expect(referenceFetch?.perspective).toEqual(['drafts'])
    expect(referenceFetch?.params.ids).toEqual([
      'contact-sigrid-lunde',
      'process-engineering',
      'team-platform',
    ])
  })

  test('follows typing after a pause and keeps the last page meanwhile', async () => {
    const view = renderPreview(editedPosting)
    const frame = await pageFrame()
    await waitFor(() => expect(frame.getAttribute('srcdoc')).toContain('Staff Platform Engineer'))

    const retitled = {...editedPosting, title: 'Principal Platform Engineer'}
    view.rerender(
      <PostingPreviewView
        document={{draft: retitled, published: null, displayed: retitled, historical: null}}
        documentId="posting-platform-engineer"
        schemaType={{name: 'posting', jsonType: 'object'} as never}
        options={config}
      />,
    )
    // Still the previous page, not a blank frame or a spinner, while the editor types.
    expect(screen.getByTitle('The posting as the website shows it')).toBe(frame)
    await waitFor(() =>
      expect(frame.getAttribute('srcdoc')).toContain('<h1>Principal Platform Engineer</h1>'),
    )
  })

  test('re-resolves references when a referenced document changes', async () => {
    renderPreview(editedPosting)
    const frame = await pageFrame()
    await waitFor(() =>
      expect(frame.getAttribute('srcdoc')).toContain('Platform &amp; Reliability'),
    )
    fakeStudio.documents = fakeStudio.documents.map((doc) =>
      doc._id === 'drafts.team-platform' ? {...doc, name: 'Compute Platform'} : doc,
    )
    fakeStudio.mutations.next({type: 'mutation'})
    await waitFor(() => expect(frame.getAttribute('srcdoc')).toContain('Compute Platform'), {
      timeout: 3000,
    })
  })

  test('shows the published version in the published perspective, side by side on request', async () => {
    renderPreview(editedPosting)
    await pageFrame()
    fireEvent.click(screen.getByRole('button', {name: 'Published'}))
    await waitFor(() =>
      expect(
        screen.getByTitle('The posting as the website shows it').getAttribute('srcdoc'),
      ).toContain('<h1>Platform Engineer</h1>'),
    )
    const published = screen.getByTitle('The posting as the website shows it')
    expect(published.getAttribute('srcdoc')).toContain('Platform team')
    expect(fakeStudio.fetches.some((fetch) => fetch.perspective === 'published')).toBe(true)

    fireEvent.click(screen.getByRole('button', {name: 'Side by side'}))
    const frames = await screen.findAllByTitle('The posting as the website shows it')
    expect(
      frames.map((frame) => frame.getAttribute('srcdoc')?.match(/<h1>(.*?)<\/h1>/)?.[1]),
    ).toEqual(['Staff Platform Engineer', 'Platform Engineer'])
  })

  test('switches between desktop and mobile width', async () => {
    renderPreview(editedPosting)
    const frame = await pageFrame()
    fireEvent.click(screen.getByRole('button', {name: 'Mobile width'}))
    expect(frame.style.width).toBe('390px')
    fireEvent.click(screen.getByRole('button', {name: 'Desktop width'}))
    expect(frame.style.width).toBe('100%')
  })

  test('flags the unsafe link and the in-page link without a target', async () => {
    renderPreview(editedPosting)
    await pageFrame()
    // Text and id queries: role queries compute accessible names for the whole Studio UI, slowly.
    fireEvent.click(await screen.findByText(/^Checks \(2\)$/))
    const panel = await waitForPanel('careers-preview-checks')
    expect(
      within(panel).getByText(/Links starting with "javascript:" are not allowed/),
    ).toBeTruthy()
    expect(within(panel).getByText(/Broken in-page link “jump away”/)).toBeTruthy()
  })

  test('shows the JSON-LD and the Google for Jobs fields still missing', async () => {
    const openEnded = {...editedPosting, validThrough: undefined, employmentType: undefined}
    renderPreview(openEnded as SanityDocument)
    await pageFrame()
    fireEvent.click(await screen.findByText(/^JSON-LD/))
    const panel = await waitForPanel('careers-preview-jsonLd')
    expect(within(panel).getByText(/"@type": "JobPosting"/)).toBeTruthy()
    expect(within(panel).getByText('validThrough')).toBeTruthy()
    expect(within(panel).getByText('employmentType')).toBeTruthy()
    expect(within(panel).getAllByText('recommended')).toHaveLength(2)
  })
})
