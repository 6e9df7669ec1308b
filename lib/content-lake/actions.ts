import type {Action, Mutation, SanityDocument} from '@sanity/client'
import {type DocumentId, getDraftId, getPublishedId, isDraftId, isVersionId} from '@sanity/id-utils'

import {badRequest, mutationError} from './errors'
import type {DocumentLookup} from './transaction'

/** Fields the Content Lake manages itself; they are not copied from one document to another. */
const SYSTEM_FIELDS = ['_rev', '_updatedAt', '_originalId'] as const

function withoutSystemFields(document: SanityDocument, id: string): SanityDocument {
  const copy: Record<string, unknown> = {...document, _id: id}
  for (const field of SYSTEM_FIELDS) delete copy[field]
  return copy as SanityDocument
}

/**
 * Publishing turns references the Studio created weak (because their target was still a draft)
 * into the strong references the editor asked for, as the Content Lake does.
 */
function strengthenReferences(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strengthenReferences)
  if (typeof value !== 'object' || value === null) return value
  const record = value as Record<string, unknown>
  const strengthen = record._strengthenOnPublish as {weak?: boolean} | undefined
  const entries = Object.entries(record)
    .filter(
      ([key]) =>
        key !== '_strengthenOnPublish' && !(strengthen && !strengthen.weak && key === '_weak'),
    )
    .map(([key, field]) => [key, strengthenReferences(field)])
  return Object.fromEntries(entries)
}

function required(lookup: DocumentLookup, id: string, what: string): SanityDocument {
  const document = lookup(id)
  if (!document) throw mutationError(`Cannot ${what}: document "${id}" does not exist.`)
  return document
}

function checkRevision(document: SanityDocument | undefined, expected: string | undefined) {
  if (expected && document?._rev !== expected) {
    throw mutationError(
      `Document "${document?._id ?? '(missing)'}" has revision "${document?._rev ?? 'none'}", not the expected "${expected}".`,
    )
  }
}

function checkDraftPair(draftId: string, publishedId: string) {
  const id = draftId as DocumentId
  if (!isDraftId(id) && !isVersionId(id)) {
    throw badRequest(`"${draftId}" is not a draft id: drafts are named "drafts.<id>".`)
  }
  if (getPublishedId(id) !== publishedId) {
    throw badRequest(`Draft "${draftId}" does not belong to document "${publishedId}".`)
  }
}

/**
 * Translates one action of the Actions API into the mutations that carry it out. `lookup` sees
 * the effect of the actions before it in the same transaction.
 */
export function actionToMutations(action: Action, lookup: DocumentLookup): Mutation[] {
  switch (action.actionType) {
    case 'sanity.action.document.create': {
      const id = action.attributes._id ?? getDraftId(action.publishedId as DocumentId)
      checkDraftPair(id, action.publishedId)
      if (lookup(id)) {
        if (action.ifExists === 'ignore') return []
        throw mutationError(`Cannot create "${id}": it already exists.`)
      }
      return [{create: {...action.attributes, _id: id}}]
    }
    case 'sanity.action.document.edit': {
      checkDraftPair(action.draftId, action.publishedId)
      const patch = {...action.patch, id: action.draftId}
      if (lookup(action.draftId)) return [{patch}]
      const published = required(lookup, action.publishedId, 'edit')
      return [{create: withoutSystemFields(published, action.draftId)}, {patch}]
    }
    case 'sanity.action.document.publish': {
      checkDraftPair(action.draftId, action.publishedId)
      const draft = required(lookup, action.draftId, 'publish')
      checkRevision(draft, action.ifDraftRevisionId)
      checkRevision(lookup(action.publishedId), action.ifPublishedRevisionId)
      const published = strengthenReferences(
        withoutSystemFields(draft, action.publishedId),
      ) as SanityDocument
      return [{createOrReplace: published}, {delete: {id: action.draftId}}]
    }
    case 'sanity.action.document.unpublish': {
      checkDraftPair(action.draftId, action.publishedId)
      const published = required(lookup, action.publishedId, 'unpublish')
      const keepAsDraft: Mutation[] = lookup(action.draftId)
        ? []
        : [{create: withoutSystemFields(published, action.draftId)}]
      return [...keepAsDraft, {delete: {id: action.publishedId}}]
    }
    case 'sanity.action.document.discard':
      required(lookup, action.draftId, 'discard the draft')
      return [{delete: {id: action.draftId}}]
    case 'sanity.action.document.version.discard':
      required(lookup, action.versionId, 'discard the version')
      return [{delete: {id: action.versionId}}]
    case 'sanity.action.document.delete': {
      const drafts = action.includeDrafts ?? []
      for (const draftId of drafts) checkDraftPair(draftId, action.publishedId)
      const remainingDraft = getDraftId(action.publishedId as DocumentId)
      if (lookup(remainingDraft) && !drafts.includes(remainingDraft)) {
        throw mutationError(
          `Cannot delete "${action.publishedId}" while its draft exists: list "${remainingDraft}" in includeDrafts.`,
        )
      }
      return [action.publishedId, ...drafts]
        .filter((id) => lookup(id))
        .map((id) => ({delete: {id}}))
    }
    case 'sanity.action.document.replaceDraft': {
      const id = action.attributes._id ?? getDraftId(action.publishedId as DocumentId)
      checkDraftPair(id, action.publishedId)
      if (!lookup(id) && !lookup(action.publishedId)) {
        throw mutationError(
          `Cannot replace the draft of "${action.publishedId}": it does not exist.`,
        )
      }
      return [{createOrReplace: {...action.attributes, _id: id}}]
    }
    case 'sanity.action.document.version.create': {
      // Either a whole document, or a copy of another version of the same document.
      const document =
        'document' in action
          ? action.document
          : {
              ...withoutSystemFields(
                required(lookup, action.baseId, 'copy the version'),
                action.versionId,
              ),
            }
      if ('ifBaseRevisionId' in action)
        checkRevision(lookup(action.baseId), action.ifBaseRevisionId)
      checkDraftPair(document._id, action.publishedId)
      if (lookup(document._id)) {
        throw mutationError(`Cannot create "${document._id}": it already exists.`)
      }
      return [{create: document}]
    }
    case 'sanity.action.document.version.replace': {
      const {document} = action
      required(lookup, document._id, 'replace the version')
      return [{createOrReplace: document}]
    }
    default:
      throw badRequest(
        `The local Content Lake does not support the action "${action.actionType}": use create, edit, publish, unpublish, discard, delete or replaceDraft.`,
      )
  }
}
