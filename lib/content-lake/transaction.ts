import {randomUUID} from 'node:crypto'

import type {Mutation as ClientMutation, SanityDocument} from '@sanity/client'
import {Mutation, type MutationParams} from '@sanity/mutator'
import {evaluate} from 'groq-js'

import {badRequest, mutationError} from './errors'
import {parseQuery} from './query'

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

const ID_PATTERN = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,199}$/

/**
 * The documents a transaction has changed so far, on top of the stored ones. Mutations are added
 * all or nothing per call: the first failing mutation throws and the caller drops the transaction.
 * Patches and document creation go through @sanity/mutator, the code the Studio itself uses to apply
 * mutations optimistically, so both sides agree on the result.
 */
export class PendingTransaction {
  readonly changes = new Map<string, DocumentChange>()
  readonly results: MutationResult[] = []

  constructor(
    private readonly stored: DocumentLookup,
    private readonly storedIds: () => Iterable<string>,
    readonly transactionId: string,
    readonly timestamp: string,
  ) {}

  /** The document as this transaction sees it. */
  readonly lookup: DocumentLookup = (id) => {
    const change = this.changes.get(id)
    return change ? (change.next ?? undefined) : this.stored(id)
  }

  private apply(id: string, mutation: ClientMutation) {
    const before = this.lookup(id) ?? null
    const after = new Mutation({
      // @sanity/client and @sanity/mutator describe the same mutation JSON with separate types.
      mutations: [structuredClone(mutation)] as unknown as MutationParams['mutations'],
      resultRev: this.transactionId,
      timestamp: this.timestamp,
    }).apply(before === null ? null : structuredClone(before)) as SanityDocument | null
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

  async add(mutations: readonly ClientMutation[]): Promise<void> {
    for (const [index, mutation] of mutations.entries()) {
      await this.addOne(mutation, `mutation ${this.results.length + index + 1}`)
    }
  }

  private async addOne(mutation: ClientMutation, where: string) {
    if ('create' in mutation || 'createOrReplace' in mutation || 'createIfNotExists' in mutation) {
      const [kind, stub] = Object.entries(mutation)[0] as [string, Record<string, unknown>]
      const document = {...stub, _id: resolveNewId(stub._id, where)}
      validateNewDocument(document, where)
      const existing = this.lookup(document._id)
      if (kind === 'create' && existing) {
        throw mutationError(`Document by ID "${document._id}" already exists (${where}).`)
      }
      if (kind === 'createIfNotExists' && existing) {
        this.results.push({id: document._id, operation: 'none'})
        return
      }
      this.apply(document._id, {[kind]: document} as ClientMutation)
      this.results.push({id: document._id, operation: existing ? 'update' : 'create'})
    } else if ('delete' in mutation) {
      for (const id of await this.select(mutation.delete, where)) {
        if (!this.lookup(id)) continue
        this.apply(id, {delete: {id}})
        this.results.push({id, operation: 'delete'})
      }
    } else if ('patch' in mutation) {
      const {id, query, params, ...operations} = mutation.patch as typeof mutation.patch & {
        id?: string
        query?: string
        params?: Record<string, unknown>
      }
      for (const targetId of await this.select({id, query, params}, where)) {
        const before = this.lookup(targetId)
        if (!before) {
          throw mutationError(
            `Cannot modify document "${targetId}" because it does not exist (${where}).`,
          )
        }
        if (operations.ifRevisionID && operations.ifRevisionID !== before._rev) {
          throw mutationError(
            `Document "${targetId}" has revision "${before._rev}", not the expected "${operations.ifRevisionID}" (${where}).`,
          )
        }
        this.apply(targetId, {patch: {...operations, id: targetId}})
        this.results.push({id: targetId, operation: 'update'})
      }
    } else {
      throw badRequest(`Unknown mutation type "${Object.keys(mutation).join(', ')}" (${where}).`)
    }
  }

  private async select(
    selection: {id?: string | string[]; query?: string; params?: Record<string, unknown>},
    where: string,
  ): Promise<string[]> {
    if (selection.id !== undefined) {
      return Array.isArray(selection.id) ? selection.id : [selection.id]
    }
    if (selection.query === undefined) throw badRequest(`Give an id or a query (${where}).`)
    const ids = new Set([...this.storedIds(), ...this.changes.keys()])
    const dataset = [...ids].map(this.lookup).filter((document) => document !== undefined)
    const parsed = parseQuery(selection.query, selection.params ?? {})
    const result = await (await evaluate(parsed, {dataset, params: selection.params})).get()
    if (!Array.isArray(result)) throw badRequest(`The query must select documents (${where}).`)
    return result.map((document: {_id: string}) => document._id)
  }
}

/** `_id` missing or ending in "." (like "drafts.") asks the Content Lake to generate one. */
function resolveNewId(id: unknown, where: string): string {
  if (id === undefined || id === null || id === '') return randomUUID()
  if (typeof id !== 'string') throw badRequest(`_id must be a string (${where}).`)
  return id.endsWith('.') ? `${id}${randomUUID()}` : id
}

function validateNewDocument(document: Record<string, unknown>, where: string) {
  if (!ID_PATTERN.test(document._id as string)) {
    throw badRequest(`Document id "${String(document._id)}" is not a valid id (${where}).`)
  }
  if (typeof document._type !== 'string' || document._type === '') {
    throw badRequest(`Document "${String(document._id)}" has no _type (${where}).`)
  }
}
