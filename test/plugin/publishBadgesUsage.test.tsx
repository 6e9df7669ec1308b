// @vitest-environment jsdom
import {act, cleanup, fireEvent, screen} from '@testing-library/react'
import type {ReactNode} from 'react'
import type {
  DocumentActionComponent,
  DocumentActionProps,
  DocumentBadgeProps,
  SanityDocument,
} from 'sanity'
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest'

import {DraftOnlyBadge, ExpiredBadge} from '../../plugins/careers/badges'
import PostingUsageView from '../../plugins/careers/PostingUsageView'
import {withDeployHook} from '../../plugins/careers/PublishWithDeployHook'
import {
  draftOnlyPosting,
  expiredPosting,
  openPosting,
  openPostingDraft,
  platformTeam,
} from '../fixtures/documents/careers'
import {fakeStudio, renderInStudio} from './studioHarness'

vi.mock('sanity', async (importOriginal) =>
  (await import('./fakeStudio')).mockSanity(await importOriginal()),
)
// The link needs the Studio's router; what matters here is which posting it opens.
vi.mock('sanity/router', () => ({
  IntentLink: ({params, children}: {params: {id: string}; children: ReactNode}) => (
    <a href={`/intent/edit/id=${params.id}`}>{children}</a>
  ),
}))

const DEPLOY_HOOK = 'https://deploy.example.com/hooks/careers'

const editState = (draft: unknown, published: unknown) =>
  ({
    id: 'posting-platform-engineer',
    type: 'posting',
    draft: draft as SanityDocument | null,
    published: published as SanityDocument | null,
    version: null,
    liveEdit: false,
    liveEditSchemaType: false,
    ready: true,
    release: undefined,
    transactionSyncLock: null,
  }) as DocumentBadgeProps

function ActionHost({
  action: Action,
  ...props
}: DocumentActionProps & {action: DocumentActionComponent}) {
  const description = Action(props)
  return description ? (
    <button type="button" onClick={description.onHandle}>
      {description.label}
    </button>
  ) : null
}

/** Stands in for Sanity's publish action: only what the wrapper relies on. */
const publishCalls: string[] = []
const DefaultPublishAction: DocumentActionComponent = () => ({
  label: 'Publish',
  onHandle: () => publishCalls.push('published'),
})
DefaultPublishAction.action = 'publish'

beforeEach(() => {
  fakeStudio.reset([platformTeam, openPosting, openPostingDraft, expiredPosting, draftOnlyPosting])
  publishCalls.length = 0
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('Publish with the deploy hook', () => {
  const PublishAction = withDeployHook(DefaultPublishAction, DEPLOY_HOOK)
  const props = {
    ...editState(openPostingDraft, openPosting),
    onComplete: () => undefined,
    initialValueResolved: true,
  }

  async function publishAndFinish(view: ReturnType<typeof renderInStudio>) {
    fireEvent.click(screen.getByRole('button', {name: 'Publish'}))
    fakeStudio.operationEvent = {type: 'success', op: 'publish', id: 'posting-platform-engineer'}
    await act(async () => {
      view.rerender(<ActionHost action={PublishAction} {...props} />)
    })
  }

  test('keeps the publish action and posts id and slug once the publish is done', async () => {
    const fetch = vi.fn(async () => new Response('', {status: 200}))
    vi.stubGlobal('fetch', fetch)
    const view = renderInStudio(<ActionHost action={PublishAction} {...props} />)
    expect(PublishAction.action).toBe('publish')

    fireEvent.click(screen.getByRole('button', {name: 'Publish'}))
    // Publishing happens at once; the hook waits for Sanity to report the publish as done.
    expect(publishCalls).toEqual(['published'])
    expect(fetch).not.toHaveBeenCalled()

    fakeStudio.operationEvent = {type: 'success', op: 'publish', id: 'posting-platform-engineer'}
    await act(async () => {
      view.rerender(<ActionHost action={PublishAction} {...props} />)
    })
    expect(fetch).toHaveBeenCalledOnce()
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe(DEPLOY_HOOK)
    expect(init.method).toBe('POST')
    expect(JSON.parse(init.body as string)).toEqual({
      id: 'posting-platform-engineer',
      slug: 'platform-engineer',
    })
    expect(screen.getByText('Website update started')).toBeTruthy()
  })

  test('reports a failing hook in a toast without undoing the publish', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', {status: 502, statusText: 'Bad Gateway'})),
    )
    const view = renderInStudio(<ActionHost action={PublishAction} {...props} />)
    await publishAndFinish(view)
    expect(publishCalls).toEqual(['published'])
    expect(screen.getByText('Published, but the website was not updated')).toBeTruthy()
    expect(screen.getByText('The deploy hook answered 502 Bad Gateway.')).toBeTruthy()
  })

  test('does not call the hook for a publish another editor made', async () => {
    const fetch = vi.fn(async () => new Response('', {status: 200}))
    vi.stubGlobal('fetch', fetch)
    const view = renderInStudio(<ActionHost action={PublishAction} {...props} />)
    fakeStudio.operationEvent = {type: 'success', op: 'publish', id: 'posting-platform-engineer'}
    await act(async () => {
      view.rerender(<ActionHost action={PublishAction} {...props} />)
    })
    expect(fetch).not.toHaveBeenCalled()
  })
})

describe('Badges', () => {
  test('"Expired" once the closing date has passed, from the draft when there is one', () => {
    expect(ExpiredBadge(editState(null, expiredPosting))?.label).toBe('Expired')
    expect(ExpiredBadge(editState(null, openPosting))).toBeNull()
    const reopened = {...expiredPosting, validThrough: '2999-01-01T00:00:00Z'}
    expect(ExpiredBadge(editState(reopened, expiredPosting))).toBeNull()
  })

  test('"Draft only" while the posting has never been published', () => {
    expect(DraftOnlyBadge(editState(draftOnlyPosting, null))?.label).toBe('Draft only')
    expect(DraftOnlyBadge(editState(openPostingDraft, openPosting))).toBeNull()
    expect(DraftOnlyBadge(editState(null, openPosting))).toBeNull()
  })
})

describe('Used in view', () => {
  test('lists the postings that use a team, as the editor sees them', async () => {
    renderInStudio(
      <PostingUsageView
        document={{
          draft: null,
          published: platformTeam as SanityDocument,
          displayed: platformTeam,
          historical: null,
        }}
        documentId="team-platform"
        schemaType={{name: 'team', jsonType: 'object'} as never}
        options={{
          siteBaseUrl: 'https://careers.example.com',
          postingTypes: ['posting'],
          sharedContentTypes: ['team'],
        }}
      />,
    )
    expect(await screen.findByText('Changes here show on these 2 postings:')).toBeTruthy()
    // The drafts perspective: the open posting under its draft title, the draft-only posting too.
    const links = screen
      .getAllByRole('link')
      .map((link) => [link.textContent, link.getAttribute('href')])
    expect(links).toEqual([
      ['Data Engineer', '/intent/edit/id=posting-data-engineer'],
      ['Senior Platform Engineer', '/intent/edit/id=posting-platform-engineer'],
    ])
    expect(fakeStudio.fetches[0]?.params).toEqual({id: 'team-platform'})
    // Both exist as drafts: one never published, one with unpublished edits.
    expect(screen.getAllByText('Unpublished changes')).toHaveLength(2)
  })
})
