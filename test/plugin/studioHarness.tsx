/**
 * A stand-in for the parts of the Studio the careers plugin talks to: a client whose queries run
 * with groq-js over fixture documents in the requested perspective, a mutation stream to listen
 * to, validation markers and document operation events. Rendering happens inside the Studio's
 * own theme and toast provider.
 */
import type {ClientPerspective, QueryParams} from '@sanity/client'
import {ThemeProvider} from '@sanity/ui'
import {ToastProvider} from '@sanity/ui/toast'
import {render, type RenderResult} from '@testing-library/react'
import {evaluate, parse} from 'groq-js'
import type {ReactElement} from 'react'
import {defer, Subject} from 'rxjs'
import {defaultTheme, type ValidationMarker} from 'sanity'

import {draftsView, publishedView, type StoredDocument} from '../../lib/dataset/perspective'

// jsdom has no layout: @sanity/ui asks for media queries and element sizes, which never match here.
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList
window.ResizeObserver ??= class {
  observe = () => undefined
  unobserve = () => undefined
  disconnect = () => undefined
}

export interface FetchRecord {
  query: string
  params: QueryParams
  perspective: ClientPerspective | undefined
}

export interface OperationEvent {
  type: 'success' | 'error'
  op: string
  id: string
}

/** What the fake Studio holds; tests set it up and read what the plugin did. */
export const fakeStudio = {
  documents: [] as StoredDocument[],
  fetches: [] as FetchRecord[],
  mutations: new Subject<{type: 'mutation'}>(),
  perspectiveStack: ['drafts'] as ClientPerspective,
  validation: [] as ValidationMarker[],
  operationEvent: undefined as OperationEvent | undefined,
  reset(documents: StoredDocument[]) {
    this.documents = documents
    this.fetches = []
    this.mutations = new Subject()
    this.perspectiveStack = ['drafts']
    this.validation = []
    this.operationEvent = undefined
  },
}

const fakeClient = {
  observable: {
    fetch: (query: string, params: QueryParams, options: {perspective?: ClientPerspective}) =>
      defer(async () => {
        fakeStudio.fetches.push({query, params, perspective: options.perspective})
        const dataset =
          options.perspective === 'published'
            ? publishedView(fakeStudio.documents)
            : draftsView(fakeStudio.documents)
        const result = await evaluate(parse(query), {dataset, params})
        return result.get()
      }),
  },
  listen: () => fakeStudio.mutations.asObservable(),
}

/** The `sanity` module with its Studio hooks answered by `fakeStudio`. */
export function mockSanity(actual: Record<string, unknown>): Record<string, unknown> {
  return {
    ...actual,
    useClient: () => fakeClient,
    usePerspective: () => ({perspectiveStack: fakeStudio.perspectiveStack}),
    useValidationStatus: () => ({isValidating: false, validation: fakeStudio.validation}),
    useDocumentOperationEvent: () => fakeStudio.operationEvent,
  }
}

export function renderInStudio(ui: ReactElement): RenderResult {
  return render(ui, {
    wrapper: ({children}) => (
      <ThemeProvider theme={defaultTheme}>
        <ToastProvider>{children}</ToastProvider>
      </ThemeProvider>
    ),
  })
}
