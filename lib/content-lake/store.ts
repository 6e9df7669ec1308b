import {randomBytes} from 'node:crypto'
import {mkdir} from 'node:fs/promises'
import {dirname} from 'node:path'

import type {SanityDocument} from '@sanity/client'

import {readDatasetFile, removeInterruptedWrite, writeDatasetFile} from './dataset-file'
import {type DocumentChange, type MutationResult, PendingTransaction} from './transaction'

export interface CommittedTransaction {
  transactionId: string
  timestamp: string
  /** The user who made the change. */
  identity: string
  changes: DocumentChange[]
}

export interface TransactionOptions {
  /** A transaction id chosen by the client, as the Studio sends one to recognise its own edits. */
  transactionId?: string
  identity: string
}

type TransactionListener = (transaction: CommittedTransaction) => void

/** Random ids shaped like the Content Lake's transaction ids (and so its revisions). */
export function newTransactionId(): string {
  return randomBytes(16).toString('base64url').slice(0, 22)
}

/**
 * The documents of one dataset, held in memory and backed by its NDJSON file. Transactions run one
 * at a time; each is written to disk (atomic rewrite) before it is acknowledged, becomes visible to
 * queries and is sent to listeners, so an acknowledged edit survives a crash and a failed write
 * changes nothing.
 */
export class DocumentStore {
  private readonly listeners = new Set<TransactionListener>()
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    readonly file: string,
    private documents: Map<string, SanityDocument>,
  ) {}

  static async open(file: string): Promise<DocumentStore> {
    await removeInterruptedWrite(file)
    const loadedAt = new Date().toISOString()
    // Files written by hand or by an import script may lack the system fields the Content Lake
    // always has; the Studio needs `_rev` to chain mutation events.
    const documents = (await readDatasetFile(file)).map((document) => ({
      ...document,
      _rev: document._rev ?? newTransactionId(),
      _createdAt: document._createdAt ?? loadedAt,
      _updatedAt: document._updatedAt ?? document._createdAt ?? loadedAt,
    }))
    return new DocumentStore(file, new Map(documents.map((document) => [document._id, document])))
  }

  get(id: string): SanityDocument | undefined {
    return this.documents.get(id)
  }

  all(): IterableIterator<SanityDocument> {
    return this.documents.values()
  }

  subscribe(listener: TransactionListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Runs `build` against a pending transaction and commits what it added, all or nothing.
   * Transactions are queued so each one sees the result of the one before.
   */
  transact(
    build: (transaction: PendingTransaction) => Promise<void>,
    options: TransactionOptions,
  ): Promise<{transactionId: string; results: MutationResult[]}> {
    const run = async () => {
      const transaction = new PendingTransaction(
        (id) => this.documents.get(id),
        () => this.documents.keys(),
        options.transactionId ?? newTransactionId(),
        new Date().toISOString(),
      )
      await build(transaction)
      const changes = [...transaction.changes.values()].filter(
        ({previous, next}) => previous !== null || next !== null,
      )
      if (changes.length > 0) {
        const next = new Map(this.documents)
        for (const {id, next: document} of changes) {
          if (document) next.set(id, document)
          else next.delete(id)
        }
        await mkdir(dirname(this.file), {recursive: true})
        await writeDatasetFile(this.file, next.values())
        this.documents = next
        const committed: CommittedTransaction = {
          transactionId: transaction.transactionId,
          timestamp: transaction.timestamp,
          identity: options.identity,
          changes,
        }
        for (const listener of this.listeners) listener(committed)
      }
      return {transactionId: transaction.transactionId, results: transaction.results}
    }
    const result = this.queue.then(run, run)
    this.queue = result.catch(() => undefined)
    return result
  }
}
