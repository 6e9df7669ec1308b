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

/**
 * The id Hugo's goldmark gives a heading by default (autoHeadingIDType "github"): letters and
 * digits lower-cased with their accents, spaces to hyphens, "-" and "_" kept, the rest dropped.
 * Our ids (slugify) are plain ASCII, so "På norsk" is `pa-norsk` here and `på-norsk` in Hugo.
 */
export function hugoHeadingId(text: string): string {
  let id = ''
  for (const char of text.trim().toLowerCase()) {
    if (/[\p{L}\p{N}_-]/u.test(char)) id += char
    else if (/\s/u.test(char)) id += '-'
  }
  return id
}

/** Gives repeated headings numbered ids, as Hugo and our renderer do: `faq`, `faq-1`, … */
export function createHeadingIdAllocator(toId: (text: string) => string): (text: string) => string {
  const taken = new Set<string>()
  return (text) => {
    const base = toId(text) || 'section'
    let id = base
    for (let n = 1; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    return id
  }
}
