import {slugify} from './slug'

type Block = {_type?: string; anchorId?: string; style?: string; children?: {text?: string}[]}

/**
 * The in-page targets a posting offers: jump targets, FAQ ids, and the ids the website gives its
 * headings (Hugo derives them from the heading text).
 */
export function anchorIdsOf(body: readonly Block[] | undefined): Set<string> {
  const ids = new Set<string>()
  for (const block of body ?? []) {
    if (block.anchorId) ids.add(block.anchorId)
    if (block._type === 'block' && block.style && /^h[1-6]$/.test(block.style)) {
      ids.add(slugify((block.children ?? []).map((child) => child.text ?? '').join('')))
    }
  }
  return ids
}

/** The anchor the apply link jumps to when the posting does not have it, else undefined. */
export function findMissingAnchor(document: unknown): string | undefined {
  const posting = document as {apply?: {url?: string}; body?: Block[]} | undefined
  const url = posting?.apply?.url
  if (!url?.startsWith('#')) return undefined
  const id = url.slice(1)
  return anchorIdsOf(posting?.body).has(id) ? undefined : id
}
