import type {Action, Mutation, SanityDocument} from '@sanity/client'
import {type DocumentId, getDraftId, getPublishedId, isDraftId, isVersionId} from '@sanity/id-utils'

import {mutationFailed, type MutationFailure} from './errors'
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

/** The fields each action needs, checked before anything is read from them. */
const REQUIRED_FIELDS: Record<string, {strings: string[]; objects: string[]}> = {
  'sanity.action.document.create': {strings: ['publishedId'], objects: ['attributes']},
  'sanity.action.document.edit': {strings: ['draftId', 'publishedId'], objects: ['patch']},
  'sanity.action.document.publish': {strings: ['draftId', 'publishedId'], objects: []},
  'sanity.action.document.unpublish': {strings: ['draftId', 'publishedId'], objects: []},
  'sanity.action.document.discard': {strings: ['draftId'], objects: []},
  'sanity.action.document.version.discard': {strings: ['versionId'], objects: []},
  'sanity.action.document.delete': {strings: ['publishedId'], objects: []},
  'sanity.action.document.replaceDraft': {strings: ['publishedId'], objects: ['attributes']},
  'sanity.action.document.version.create': {strings: ['publishedId'], objects: []},
  'sanity.action.document.version.replace': {strings: [], objects: ['document']},
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Translates one action of the Actions API into the mutations that carry it out. `lookup` sees
 * the effect of the actions before it in the same transaction; `index` places a failure.
 */
export function actionToMutations(action: Action, lookup: DocumentLookup, index = 0): Mutation[] {
  const fail = (failure: Omit<MutationFailure, 'index'>): never => {
    throw mutationFailed({...failure, index}, 'action')
  }
  const required = (id: string, what: string): SanityDocument =>
    lookup(id) ??
    fail({
      type: 'documentNotFoundError',
      description: `Cannot ${what}: document "${id}" does not exist.`,
      id,
    })
  const checkRevision = (document: SanityDocument | undefined, expected: string | undefined) => {
    if (expected && document?._rev !== expected) {
      fail({
        type: 'conflictError',
        description: `Document "${document?._id ?? '(missing)'}" has revision "${document?._rev ?? 'none'}", not the expected "${expected}".`,
        id: document?._id,
      })
    }
  }
  const checkDraftPair = (draftId: unknown, publishedId: string) => {
    if (
      typeof draftId !== 'string' ||
      (!isDraftId(draftId as DocumentId) && !isVersionId(draftId as DocumentId))
    ) {
      return fail({
        type: 'invalidActionError',
        description: `"${draftId}" is not a draft id: drafts are named "drafts.<id>".`,
        statusCode: 400,
      })
    }
    if (getPublishedId(draftId as DocumentId) !== publishedId) {
      fail({
        type: 'invalidActionError',
        description: `Draft "${draftId}" does not belong to document "${publishedId}".`,
        statusCode: 400,
      })
    }
  }
  const fields = isObject(action) ? REQUIRED_FIELDS[String(action.actionType)] : undefined
  if (!fields) {
    return fail({
      type: 'invalidActionError',
      description: `The local Content Lake does not support the action "${isObject(action) ? String(action.actionType) : JSON.stringify(action)}": use create, edit, publish, unpublish, discard, delete or replaceDraft.`,
      statusCode: 400,
    })
  }
  const record = action as unknown as Record<string, unknown>
  for (const field of fields.strings)
    if (typeof record[field] !== 'string' || record[field] === '')
      fail({
        type: 'invalidActionError',
        description: `"${action.actionType}" needs "${field}" (a document id).`,
        statusCode: 400,
      })
  for (const field of fields.objects)
    if (!isObject(record[field]))
      fail({
        type: 'invalidActionError',
        description: `"${action.actionType}" needs "${field}" (an object).`,
        statusCode: 400,
      })
  if (
    'includeDrafts' in record &&
    !(
      Array.isArray(record.includeDrafts) &&
      record.includeDrafts.every((id) => typeof id === 'string')
    )
  )
    fail({
      type: 'invalidActionError',
      description: '"includeDrafts" takes a list of draft ids.',
      statusCode: 400,
    })
  switch (action.actionType) {
    case 'sanity.action.document.create': {
      const id = action.attributes._id ?? getDraftId(action.publishedId as DocumentId)
      checkDraftPair(id, action.publishedId)
      if (lookup(id)) {
        if (action.ifExists === 'ignore') return []
        return fail({
          type: 'documentAlreadyExistsError',
          description: `Cannot create "${id}": it already exists.`,
          id,
        })
      }
      return [{create: {...action.attributes, _id: id}}]
    }
    case 'sanity.action.document.edit': {
      checkDraftPair(action.draftId, action.publishedId)
      const patch = {...action.patch, id: action.draftId}
      if (lookup(action.draftId)) return [{patch}]
      const published = required(action.publishedId, 'edit')
      return [{create: withoutSystemFields(published, action.draftId)}, {patch}]
    }
    case 'sanity.action.document.publish': {
      checkDraftPair(action.draftId, action.publishedId)
      const draft = required(action.draftId, 'publish')
      checkRevision(draft, action.ifDraftRevisionId)
      checkRevision(lookup(action.publishedId), action.ifPublishedRevisionId)
      const published = strengthenReferences(
        withoutSystemFields(draft, action.publishedId),
      ) as SanityDocument
      return [{createOrReplace: published}, {delete: {id: action.draftId}}]
    }
    case 'sanity.action.document.unpublish': {
      checkDraftPair(action.draftId, action.publishedId)
      const published = required(action.publishedId, 'unpublish')
      const keepAsDraft: Mutation[] = lookup(action.draftId)
        ? []
        : [{create: withoutSystemFields(published, action.draftId)}]
      return [...keepAsDraft, {delete: {id: action.publishedId}}]
    }
    case 'sanity.action.document.discard':
      required(action.draftId, 'discard the draft')
      return [{delete: {id: action.draftId}}]
    case 'sanity.action.document.version.discard':
      required(action.versionId, 'discard the version')
      return [{delete: {id: action.versionId}}]
    case 'sanity.action.document.delete': {
      const drafts = action.includeDrafts ?? []
      for (const draftId of drafts) checkDraftPair(draftId, action.publishedId)
      const remainingDraft = getDraftId(action.publishedId as DocumentId)
      if (lookup(remainingDraft) && !drafts.includes(remainingDraft)) {
        return fail({
          type: 'conflictError',
          description: `Cannot delete "${action.publishedId}" while its draft exists: list "${remainingDraft}" in includeDrafts.`,
          id: action.publishedId,
        })
      }
      return [action.publishedId, ...drafts]
        .filter((id) => lookup(id))
        .map((id) => ({delete: {id}}))
    }
    case 'sanity.action.document.replaceDraft': {
      const id = action.attributes._id ?? getDraftId(action.publishedId as DocumentId)
      checkDraftPair(id, action.publishedId)
      if (!lookup(id) && !lookup(action.publishedId)) {
        return fail({
          type: 'documentNotFoundError',
          description: `Cannot replace the draft of "${action.publishedId}": it does not exist.`,
          id: action.publishedId,
        })
      }
      return [{createOrReplace: {...action.attributes, _id: id}}]
    }
    case 'sanity.action.document.version.create': {
      // Either a whole document, or a copy of another version of the same document.
      if ('document' in action && !isObject(action.document))
        fail({
          type: 'invalidActionError',
          description: '"document" must be a document.',
          statusCode: 400,
        })
      const document =
        'document' in action
          ? action.document
          : {
              ...withoutSystemFields(required(action.baseId, 'copy the version'), action.versionId),
            }
      if ('ifBaseRevisionId' in action)
        checkRevision(lookup(action.baseId), action.ifBaseRevisionId)
      checkDraftPair(document._id, action.publishedId)
      if (lookup(document._id)) {
        return fail({
          type: 'documentAlreadyExistsError',
          description: `Cannot create "${document._id}": it already exists.`,
          id: document._id,
        })
      }
      return [{create: document}]
    }
    case 'sanity.action.document.version.replace': {
      const {document} = action
      required(document._id, 'replace the version')
      return [{createOrReplace: document}]
    }
    default:
      return []
  }
}
