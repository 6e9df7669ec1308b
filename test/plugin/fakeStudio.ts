/**
 * A stand-in for the parts of the Studio the careers plugin talks to: a client whose queries run
 * with groq-js over fixture documents in the requested perspective, a mutation stream to listen
 * to, validation markers and document operation events. Works in jsdom and in a real browser.
 */
import type {ClientPerspective, QueryParams} from '@sanity/client'
import {evaluate, parse} from 'groq-js'
import {defer, Subject} from 'rxjs'
import type {ValidationMarker} from 'sanity'

import {documentsInPerspective, type StoredDocument} from '../../lib/dataset/perspective'

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
        const dataset = documentsInPerspective(
          fakeStudio.documents,
          options.perspective ?? 'published',
        )
        const result = await evaluate(parse(query), {dataset, params})
        return result.get()
      }),
  },
  listen: () => fakeStudio.mutations.asObservable(),
}

export const useFakeClient = () => fakeClient
export const useFakePerspective = () => ({perspectiveStack: fakeStudio.perspectiveStack})
export const useFakeValidationStatus = () => ({
  isValidating: false,
  validation: fakeStudio.validation,
})
export const useFakeDocumentOperationEvent = () => fakeStudio.operationEvent

/** The `sanity` module with its Studio hooks answered by `fakeStudio`. */
export function mockSanity(actual: Record<string, unknown>): Record<string, unknown> {
  return {
    ...actual,
    useClient: useFakeClient,
    usePerspective: useFakePerspective,
    useValidationStatus: useFakeValidationStatus,
    useDocumentOperationEvent: useFakeDocumentOperationEvent,
  }
}
