import {randomUUID} from 'node:crypto'

import type {Mutation as ClientMutation, SanityDocument} from '@sanity/client'
import {Mutation, type MutationParams} from '@sanity/mutator'

import {mutationFailed, type MutationFailure} from './errors'

/** A document before and after a transaction; `null` where it did not or no longer exists. */
export interface DocumentChange {
  id: string
  previous: SanityDocument | null
  next: SanityDocument | null
  /** The mutations of the transaction that touched this document, in order. */
  mutations: ClientMutation[]
}

export interface MutationResult {
  id: string
  operation: 'create' | 'update' | 'delete' | 'none'
}

export type DocumentLookup = (id: string) => SanityDocument | undefined

/**
 * Evaluates a GROQ selection (`{patch: {query}}`, `{delete: {query}}`) over the stored documents
 * with `overlay` on top (what this and earlier, not yet durable, transactions changed), off the
 * event loop and under the query deadline. Resolves to the selected ids.
 */
export type SelectDocuments = (
  selection: {query: string; params: Record<string, unknown>},
  overlay: [string, SanityDocument | null][],
) => Promise<string[]>

/** Document ids as the Content Lake and `sanity dataset import` accept them. */
export const DOCUMENT_ID_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,199}$/

const MUTATION_KINDS = [
  'create',
  'createOrReplace',
  'createIfNotExists',
  'delete',
  'patch',
] as const
type MutationKind = (typeof MUTATION_KINDS)[number]

/** The patch operations of the HTTP API, and the keys that select what a patch applies to. */
const PATCH_OPERATIONS = ['set', 'setIfMissing', 'unset', 'insert', 'inc', 'dec', 'diffMatchPatch']
const PATCH_SELECTORS = ['id', 'query', 'params', 'ifRevisionID']

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The documents a transaction has changed so far, on top of the stored ones. Mutations are added
 * all or nothing: the first failing one throws (with its index, in the Content Lake's error
 * shape) and the caller drops the transaction. Patches and document creation go through
 * @sanity/mutator, the code the Studio itself uses to apply mutations optimistically, so both
 * sides agree on the result. Every document a mutation leaves behind is checked: it keeps its
 * `_id` and has a string `_type`, or the transaction is refused, so nothing acknowledged can
 * break the dataset file.
 */
export class PendingTransaction {
  readonly changes = new Map<string, DocumentChange>()
  readonly results: MutationResult[] = []
  private mutationsAdded = 0

  constructor(
    private readonly stored: DocumentLookup,
    private readonly selectDocuments: SelectDocuments,
    /** What earlier transactions changed that is not durable yet (seen by selections). */
    private readonly pendingChanges: () => Iterable<[string, SanityDocument | null]>,
    readonly transactionId: string,
    readonly timestamp: string,
  ) {}

  /** The document as this transaction sees it. */
  readonly lookup: DocumentLookup = (id) => {
    const change = this.changes.get(id)
    return change ? (change.next ?? undefined) : this.stored(id)
  }

  /**
   * Adds mutations. `index` places a failure in the request: by default each mutation's own
   * position; the mutations an action expands to all carry the action's.
   */
  async add(
    mutations: readonly unknown[],
    place: {kind: 'mutation' | 'action'; index?: number} = {kind: 'mutation'},
  ): Promise<void> {
    for (const mutation of mutations) {
      const index = place.index ?? this.mutationsAdded
      this.mutationsAdded++
      const fail = (failure: Omit<MutationFailure, 'index'>): never => {
        throw mutationFailed({...failure, index}, place.kind)
      }
      await this.addOne(mutation, fail)
    }
  }

  private apply(
    id: string,
    mutation: ClientMutation,
    fail: (failure: Omit<MutationFailure, 'index'>) => never,
  ) {
    const before = this.lookup(id) ?? null
    let after: SanityDocument | null
    try {
      after = new Mutation({
        // @sanity/client and @sanity/mutator describe the same mutation JSON with separate types.
        mutations: [structuredClone(mutation)] as unknown as MutationParams['mutations'],
        resultRev: this.transactionId,
        timestamp: this.timestamp,
      }).apply(before === null ? null : structuredClone(before)) as SanityDocument | null
    } catch (error) {
      const tooDeep = error instanceof RangeError
      return fail({
        type: tooDeep ? 'invalidDocumentError' : 'invalidPatchError',
        description: tooDeep
          ? `Document "${id}" is nested too deeply.`
          : `The patch cannot be applied to "${id}": ${(error as Error).message}`,
        id,
        statusCode: 400,
      })
    }
    if (after !== null) checkDocument(after, id, fail)
    const change = this.changes.get(id) ?? {
      id,
      previous: this.stored(id) ?? null,
      next: null,
      mutations: [],
    }
    change.next = after
    change.mutations.push(mutation)
    this.changes.set(id, change)
  }

  private async addOne(
    mutation: unknown,
    fail: (failure: Omit<MutationFailure, 'index'>) => never,
  ): Promise<void> {
    const kinds = isPlainObject(mutation) ? Object.keys(mutation) : []
    const kind = kinds[0] as MutationKind
    if (kinds.length !== 1 || !MUTATION_KINDS.includes(kind)) {
      return fail({
        type: 'invalidMutationError',
        description: `A mutation is an object with one of ${MUTATION_KINDS.join(', ')}; got ${isPlainObject(mutation) ? `{${kinds.join(', ')}}` : (JSON.stringify(mutation) ?? 'nothing')}.`,
        statusCode: 400,
      })
    }
    const body = (mutation as Record<string, unknown>)[kind]
    if (!isPlainObject(body)) {
      return fail({
        type: 'invalidMutationError',
        description: `"${kind}" takes an object.`,
        statusCode: 400,
      })
    }
    if (kind === 'delete') return this.delete(body, fail)
    if (kind === 'patch') return this.patch(body, fail)
    const document = {...body, _id: resolveNewId(body._id, fail)} as SanityDocument
    checkDocument(document, document._id, fail)
    const existing = this.lookup(document._id)
    if (kind === 'create' && existing) {
      return fail({
        type: 'documentAlreadyExistsError',
        description: `Document by ID "${document._id}" already exists`,
        id: document._id,
      })
    }
    if (kind === 'createIfNotExists' && existing) {
      this.results.push({id: document._id, operation: 'none'})
      return
    }
    this.apply(document._id, {[kind]: document} as unknown as ClientMutation, fail)
    this.results.push({id: document._id, operation: existing ? 'update' : 'create'})
  }

  private async delete(
    body: Record<string, unknown>,
    fail: (failure: Omit<MutationFailure, 'index'>) => never,
  ) {
    for (const id of await this.select(body, 'delete', fail)) {
      if (!this.lookup(id)) continue
      this.apply(id, {delete: {id}}, fail)
      this.results.push({id, operation: 'delete'})
    }
  }

  private async patch(
    body: Record<string, unknown>,
    fail: (failure: Omit<MutationFailure, 'index'>) => never,
  ) {
    const unknown = Object.keys(body).filter(
      (key) => !PATCH_OPERATIONS.includes(key) && !PATCH_SELECTORS.includes(key),
    )
    if (unknown.length > 0) {
      return fail({
        type: 'invalidPatchError',
        description: `Unknown patch operation "${unknown[0]}": a patch takes ${PATCH_OPERATIONS.join(', ')}.`,
        statusCode: 400,
      })
    }
    checkPatchOperations(body, fail)
    const {id: _id, query: _query, params: _params, ...operations} = body
    for (const targetId of await this.select(body, 'patch', fail)) {
      const before = this.lookup(targetId)
      if (!before) {
        return fail({
          type: 'documentNotFoundError',
          description: `Cannot modify document "${targetId}" because it does not exist`,
          id: targetId,
        })
      }
      if (operations.ifRevisionID !== undefined && operations.ifRevisionID !== before._rev) {
        return fail({
          type: 'conflictError',
          description: `Document "${targetId}" has revision "${before._rev}", not the expected "${String(operations.ifRevisionID)}"`,
          id: targetId,
        })
      }
      this.apply(targetId, {patch: {...operations, id: targetId}} as ClientMutation, fail)
      this.results.push({id: targetId, operation: 'update'})
    }
  }

  /** The ids a delete or patch applies to: given, or selected by a GROQ query. */
  private async select(
    body: Record<string, unknown>,
    kind: 'delete' | 'patch',
    fail: (failure: Omit<MutationFailure, 'index'>) => never,
  ): Promise<string[]> {
    const {id, query, params} = body
    if (id !== undefined) {
      const ids = Array.isArray(id) ? id : [id]
      if (ids.length === 0 || !ids.every((each) => typeof each === 'string' && each !== ''))
        return fail({
          type: 'invalidMutationError',
          description: `"${kind}.id" takes a document id or a list of them.`,
          statusCode: 400,
        })
      return ids as string[]
    }
    if (typeof query !== 'string' || (params !== undefined && !isPlainObject(params))) {
      return fail({
        type: 'invalidMutationError',
        description: `"${kind}" needs an "id", or a GROQ "query" (with "params" as an object).`,
        statusCode: 400,
      })
    }
    const overlay = new Map(this.pendingChanges())
    for (const [changedId, change] of this.changes) overlay.set(changedId, change.next)
    return this.selectDocuments({query, params: params ?? {}}, [...overlay])
  }
}

/** `_id` missing or ending in "." (like "drafts.") asks the Content Lake to generate one. */
function resolveNewId(
  id: unknown,
  fail: (failure: Omit<MutationFailure, 'index'>) => never,
): string {
  if (id === undefined || id === null || id === '') return randomUUID()
  if (typeof id !== 'string')
    return fail({
      type: 'invalidDocumentError',
      description: '_id must be a string.',
      statusCode: 400,
    })
  return id.endsWith('.') ? `${id}${randomUUID()}` : id
}

/** What every stored document keeps, whatever a mutation did to it. */
function checkDocument(
  document: SanityDocument,
  id: string,
  fail: (failure: Omit<MutationFailure, 'index'>) => never,
) {
  if (typeof document._id !== 'string' || !DOCUMENT_ID_PATTERN.test(document._id)) {
    fail({
      type: 'invalidDocumentError',
      description: `Document id "${String(document._id)}" is not valid: use letters, digits, "_", "-" and "." (at most 200).`,
      id,
      statusCode: 400,
    })
  }
  if (document._id !== id) {
    fail({
      type: 'invalidDocumentError',
      description: `A mutation cannot change a document's _id ("${id}" to "${String(document._id)}").`,
      id,
      statusCode: 400,
    })
  }
  if (typeof document._type !== 'string' || document._type === '') {
    fail({
      type: 'invalidDocumentError',
      description: `Document "${id}" needs a _type that is a non-empty string.`,
      id,
      statusCode: 400,
    })
  }
}

function checkPatchOperations(
  patch: Record<string, unknown>,
  fail: (failure: Omit<MutationFailure, 'index'>) => never,
) {
  const invalid = (description: string): never =>
    fail({type: 'invalidPatchError', description, statusCode: 400})
  for (const operation of ['set', 'setIfMissing', 'diffMatchPatch', 'inc', 'dec'] as const) {
    const value = patch[operation]
    if (value === undefined) continue
    if (!isPlainObject(value)) invalid(`"${operation}" takes an object of paths and values.`)
    if (
      (operation === 'inc' || operation === 'dec') &&
      !Object.values(value as object).every((amount) => typeof amount === 'number')
    )
      invalid(`"${operation}" takes numbers.`)
    if (
      operation === 'diffMatchPatch' &&
      !Object.values(value as object).every((text) => typeof text === 'string')
    )
      invalid('"diffMatchPatch" takes patches as strings.')
  }
  const {unset, insert, ifRevisionID} = patch
  if (
    unset !== undefined &&
    !(Array.isArray(unset) && unset.every((path) => typeof path === 'string'))
  )
    invalid('"unset" takes a list of paths.')
  if (insert !== undefined) {
    const spec = insert as Record<string, unknown>
    const positions = ['before', 'after', 'replace'].filter(
      (key) => isPlainObject(spec) && key in spec,
    )
    if (
      positions.length !== 1 ||
      typeof spec[positions[0] as string] !== 'string' ||
      !Array.isArray(spec.items)
    )
      invalid('"insert" takes one of "before", "after" or "replace" (a path) and "items" (a list).')
  }
  if (ifRevisionID !== undefined && typeof ifRevisionID !== 'string')
    invalid('"ifRevisionID" takes a revision id.')
}
