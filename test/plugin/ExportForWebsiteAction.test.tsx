// @vitest-environment jsdom
import {act, cleanup, fireEvent, screen} from '@testing-library/react'
import type {DocumentActionComponent, DocumentActionProps, SanityDocument} from 'sanity'
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest'

import {createExportForWebsiteAction} from '../../plugins/careers/ExportForWebsiteAction'
import {
  engineeringProcess,
  openPosting,
  openPostingDraft,
  platformTeam,
  recruiter,
} from '../fixtures/documents/careers'
import {fakeStudio, renderInStudio} from './studioHarness'

vi.mock('sanity', async (importOriginal) =>
  (await import('./fakeStudio')).mockSanity(await importOriginal()),
)

const ExportForWebsiteAction = createExportForWebsiteAction({
  siteBaseUrl: 'https://careers.example.com',
})

/** Renders an action the way the Studio's document footer does: a button, then its dialog. */
function ActionHost({
  action: Action,
  ...props
}: DocumentActionProps & {action: DocumentActionComponent}) {
  const description = Action(props)
  if (!description) return null
  const dialog = description.dialog
  return (
    <>
      <button
        type="button"
        disabled={description.disabled}
        title={typeof description.title === 'string' ? description.title : undefined}
        onClick={description.onHandle}
      >
        {description.label}
      </button>
      {dialog && dialog.type === 'dialog' && <div role="dialog">{dialog.content}</div>}
    </>
  )
}

function actionProps(draft: unknown, published: unknown): DocumentActionProps {
  return {
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
    onComplete: () => undefined,
    initialValueResolved: true,
  } as DocumentActionProps
}

/**
 * Click, and let the promise the click starts (the clipboard) settle inside act: toasts are
 * pushed in a React transition, which only flushes within act in a test environment.
 */
async function clickAndSettle(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element)
  })
}

/** What the action handed to the browser as downloads, read back as text. */
const downloads: {name: string; text: Promise<string>}[] = []

beforeEach(() => {
  fakeStudio.reset([platformTeam, recruiter, engineeringProcess, openPosting, openPostingDraft])
  downloads.length = 0
  const blobs = new Map<string, Blob>()
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`
    blobs.set(url, blob)
    return url
  }
  URL.revokeObjectURL = () => undefined
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({name: this.download, text: blobs.get(this.href)!.text()})
  })
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

describe('Export for website', () => {
  test('is disabled with the reason while the posting has validation errors', () => {
    fakeStudio.validation = [
      {
        level: 'error',
        message: 'Add how to apply: a posting cannot be published without a way to apply.',
        path: ['apply'],
      },
      {level: 'warning', message: 'Write a short intro.', path: ['intro']},
    ]
    renderInStudio(
      <ActionHost
        action={ExportForWebsiteAction}
        {...actionProps(openPostingDraft, openPosting)}
      />,
    )
    const button = screen.getByRole('button', {name: 'Export for website'}) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    expect(button.title).toBe(
      'Fix the validation error first: Add how to apply: a posting cannot be published without a way to apply.',
    )
  })

  test('is enabled when there are only warnings', () => {
    fakeStudio.validation = [{level: 'warning', message: 'Write a short intro.', path: ['intro']}]
    renderInStudio(
      <ActionHost
        action={ExportForWebsiteAction}
        {...actionProps(openPostingDraft, openPosting)}
      />,
    )
    expect(
      (screen.getByRole('button', {name: 'Export for website'}) as HTMLButtonElement).disabled,
    ).toBe(false)
  })

  test('downloads the Hugo markdown and the HTML page of the draft, references resolved', async () => {
    renderInStudio(
      <ActionHost
        action={ExportForWebsiteAction}
        {...actionProps(openPostingDraft, openPosting)}
      />,
    )
    fireEvent.click(screen.getByRole('button', {name: 'Export for website'}))
    fireEvent.click(
      await screen.findByText('Download Hugo markdown (platform-engineer.md)', undefined, {
        timeout: 20_000,
      }),
    )
    fireEvent.click(screen.getByText('Download HTML page (platform-engineer.html)'))

    expect(downloads.map((download) => download.name)).toEqual([
      'platform-engineer.md',
      'platform-engineer.html',
    ])
    const [markdown, html] = await Promise.all(downloads.map((download) => download.text))
    expect(markdown).toMatch(/^---\n/)
    expect(markdown).toContain('Title: "Senior Platform Engineer"')
    expect(markdown).toContain('Team: "Platform team"')
    expect(markdown).toContain('draft: true')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<h1>Senior Platform Engineer</h1>')
    expect(html).toContain('How we hire engineers')
  })

  test('exports the published posting as not a draft', async () => {
    renderInStudio(
      <ActionHost action={ExportForWebsiteAction} {...actionProps(null, openPosting)} />,
    )
    fireEvent.click(screen.getByRole('button', {name: 'Export for website'}))
    fireEvent.click(
      await screen.findByText(/^Download Hugo markdown/, undefined, {timeout: 20_000}),
    )
    const markdown = await downloads[0]!.text
    expect(markdown).toContain('Title: "Platform Engineer"')
    expect(markdown).toContain('draft: false')
    expect(fakeStudio.fetches.every((fetch) => fetch.perspective !== undefined)).toBe(true)
  })

  test('copies the JSON-LD and says so', async () => {
    const writeText = vi.fn(async (_text: string) => undefined)
    Object.defineProperty(navigator, 'clipboard', {value: {writeText}, configurable: true})
    renderInStudio(
      <ActionHost
        action={ExportForWebsiteAction}
        {...actionProps(openPostingDraft, openPosting)}
      />,
    )
    fireEvent.click(screen.getByRole('button', {name: 'Export for website'}))
    await clickAndSettle(await screen.findByText('Copy JSON-LD', undefined, {timeout: 20_000}))

    expect(screen.getByText('JSON-LD copied to the clipboard')).toBeTruthy()
    const jsonLd = JSON.parse(writeText.mock.calls[0]![0]) as Record<string, unknown>
    expect(jsonLd['@type']).toBe('JobPosting')
    expect(jsonLd.title).toBe('Senior Platform Engineer')
    expect(jsonLd.url).toBe('https://careers.example.com/career/platform-engineer/')
  })

  test('reports a clipboard refusal instead of failing silently', async () => {
    const writeText = vi.fn(async () => {
      throw new Error('Write permission denied.')
    })
    Object.defineProperty(navigator, 'clipboard', {value: {writeText}, configurable: true})
    renderInStudio(
      <ActionHost
        action={ExportForWebsiteAction}
        {...actionProps(openPostingDraft, openPosting)}
      />,
    )
    fireEvent.click(screen.getByRole('button', {name: 'Export for website'}))
    await clickAndSettle(await screen.findByText('Copy JSON-LD', undefined, {timeout: 20_000}))
    expect(screen.getByText('Could not copy the JSON-LD')).toBeTruthy()
    expect(screen.getByText('Write permission denied.')).toBeTruthy()
  })
})
