import {evaluate, parse, type ExprNode} from 'groq-js'
import {getPublishedId, type SanityDocument} from 'sanity'

import {POSTING_BY_SLUG_QUERY} from '../../lib/queries/queries'
import type {PostingPageData} from '../../lib/render'

let postingQueryTree: ExprNode | undefined

/**
 * The posting as the website's POSTING_BY_SLUG_QUERY shapes it, evaluated by groq-js (which the
 * Studio already ships) over the document being edited and the documents it references. Running
 * the website's own projection on the unsaved form value is what lets the preview follow every
 * keystroke while references are still resolved exactly as the website resolves them.
 */
export async function projectPosting(
  posting: SanityDocument,
  referencedDocuments: readonly SanityDocument[],
): Promise<PostingPageData | null> {
  // Parsed on first use rather than at import, so importing the plugin does no work.
  postingQueryTree ??= parse(POSTING_BY_SLUG_QUERY)
  const slug = (posting.slug as {current?: string} | undefined)?.current ?? null
  // The edited posting goes first: `[0]` picks it even when a referenced translation shares its
  // slug. A posting without a slug yet still matches, since GROQ's `null == null` is true.
  const dataset = [{...posting, _id: getPublishedId(posting._id)}, ...referencedDocuments]
  const result = await evaluate(postingQueryTree, {dataset, params: {slug}})
  return (await result.get()) as PostingPageData | null
}

/** Ids of every document the posting references (team, contact, process, contact cards, …). */
export function referencedIdsOf(value: unknown): string[] {
  const ids = new Set<string>()
  const visit = (node: unknown, key: string | undefined) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, undefined)
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>
      // Image and file assets are referenced too, but the projection never dereferences them.
      if (typeof record._ref === 'string' && key !== 'asset') ids.add(getPublishedId(record._ref))
      for (const [childKey, child] of Object.entries(record)) visit(child, childKey)
    }
  }
  visit(value, undefined)
  return [...ids].sort()
}
