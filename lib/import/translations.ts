import {DRAFT_PREFIX, hash} from './keys'
import type {ImportedDocument} from './types'

/**
 * Hugo links a page to its translations by a shared `translationKey`; the model does it with
 * weak references in `translations`, which may point at a posting that is still a draft.
 */
export function linkTranslations(
  postings: readonly {posting: ImportedDocument; translationKey?: string}[],
): void {
  const groups = new Map<string, ImportedDocument[]>()
  for (const {posting, translationKey} of postings) {
    if (translationKey) groups.set(translationKey, [...(groups.get(translationKey) ?? []), posting])
  }
  for (const group of groups.values()) {
    for (const posting of group) {
      const others = group
        .filter((other) => other !== posting)
        .map((other) => other._id.replace(DRAFT_PREFIX, ''))
        .sort()
      if (others.length === 0) continue
      posting.translations = others.map((id) => ({
        _type: 'reference',
        _key: hash(`${posting._id}>${id}`),
        _ref: id,
        _weak: true,
      }))
    }
  }
}
