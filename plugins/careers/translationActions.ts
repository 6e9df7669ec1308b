import type {Action} from '@sanity/client'
import {type DocumentId, getDraftId} from '@sanity/id-utils'

const weakReference = (id: string) => ({
  _type: 'reference',
  _ref: id,
  _weak: true,
  _key: crypto.randomUUID().slice(0, 12),
})

/**
 * The transaction that adds a translation: a new draft in `language` that lists the posting and
 * its translations, and the new draft added to each of theirs (an edit makes a draft of a
 * published posting first), so every page of the group links to all the others.
 */
export function createTranslationActions(
  posting: {id: string; type: string; title?: string; translations: readonly string[]},
  translationId: string,
  language: string,
): Action[] {
  const group = [posting.id, ...posting.translations]
  return [
    {
      actionType: 'sanity.action.document.create',
      publishedId: translationId,
      attributes: {
        _id: getDraftId(translationId as DocumentId),
        _type: posting.type,
        language,
        ...(posting.title ? {title: posting.title} : {}),
        translations: group.map(weakReference),
      },
      ifExists: 'fail',
    },
    ...group.map((id): Action => ({
      actionType: 'sanity.action.document.edit',
      draftId: getDraftId(id as DocumentId),
      publishedId: id,
      patch: {
        setIfMissing: {translations: []},
        insert: {after: 'translations[-1]', items: [weakReference(translationId)]},
      },
    })),
  ]
}
