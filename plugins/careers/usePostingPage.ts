import type {ClientPerspective} from '@sanity/client'
import {useEffect, useMemo, useState} from 'react'
import type {SanityDocument} from 'sanity'

import {getDraftId, isPublishedId} from 'sanity'

import type {HugoMarkdown} from '../../lib/export'
import type {PostingPage, PostingPageData} from '../../lib/render'
import {projectPosting, referencedIdsOf} from './projectPosting'
import {REFERENCED_DOCUMENTS_QUERY} from './queries'
import {useDebouncedValue} from './useDebouncedValue'
import {useLiveQuery} from './useLiveQuery'

const NO_DOCUMENTS: SanityDocument[] = []

/** How long typing may pause before the page is rendered again. */
export const PREVIEW_DEBOUNCE_MS = 250

export interface RenderedPosting {
  /** The posting as the website's query shapes it, references resolved. */
  posting: PostingPageData
  page: PostingPage
  /** The Hugo markdown file, when asked for (`withMarkdown`). */
  markdown?: HugoMarkdown
}

export interface PostingPageOptions {
  /** Origin of the public website the page links to. */
  siteBaseUrl: string
  /** Also serialise the posting as the Hugo site's markdown. */
  withMarkdown?: boolean
}

export interface PostingPageState {
  /** The latest page; kept while the next one renders, so the preview never blanks. */
  rendered: RenderedPosting | undefined
  error: Error | undefined
}

/**
 * The website's page for a posting document, with its references resolved through the Studio's
 * client in `perspective`. Follows `document` (the form value, unsaved typing included) after a
 * short pause. `document` null renders nothing and fetches nothing.
 */
export function usePostingPage(
  document: SanityDocument | null,
  perspective: ClientPerspective,
  {siteBaseUrl, withMarkdown = false}: PostingPageOptions,
): PostingPageState {
  const settled = useDebouncedValue(document, PREVIEW_DEBOUNCE_MS)
  const ids = useMemo(() => referencedIdsOf(settled), [settled])
  const references = useLiveQuery<SanityDocument[]>(
    settled && ids.length
      ? {
          query: REFERENCED_DOCUMENTS_QUERY,
          params: {ids},
          perspective,
          listenParams: {ids: ids.flatMap((id) => [id, getDraftId(id)])},
        }
      : null,
  )
  const [state, setState] = useState<PostingPageState>({rendered: undefined, error: undefined})
  const referencedDocuments = ids.length ? references.data : NO_DOCUMENTS

  useEffect(() => {
    // Wait for the references before the first render rather than showing a page without them.
    if (!settled || !referencedDocuments) return undefined
    let cancelled = false
    Promise.all([projectPosting(settled, referencedDocuments), import('./core')])
      .then(([posting, core]) => {
        if (cancelled) return
        if (!posting) {
          throw new Error(
            `The website's posting query does not match a "${settled._type}" document: the preview shows postings only.`,
          )
        }
        const page = core.renderPostingPage(posting, core.siteSettingsFor(siteBaseUrl))
        const markdown = withMarkdown
          ? core.postingToHugoMarkdown(posting, {draft: !isPublishedId(settled._id)})
          : undefined
        setState({rendered: {posting, page, markdown}, error: undefined})
      })
      .catch((error: unknown) => {
        if (cancelled) return
        setState((previous) => ({
          rendered: previous.rendered,
          error: error instanceof Error ? error : new Error(String(error)),
        }))
      })
    return () => {
      cancelled = true
    }
  }, [settled, referencedDocuments, siteBaseUrl, withMarkdown])

  return {
    rendered: settled ? state.rendered : undefined,
    error: references.error ?? state.error,
  }
}
