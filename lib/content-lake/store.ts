import {randomBytes} from 'node:crypto'
import {mkdirSync, statSync} from 'node:fs'
import path from 'node:path'

import type {SanityDocument} from '@sanity/client'

import {removeStaleTemporaryFiles} from '../storage/atomicFile'
import {compactDatasetSync} from '../storage/compact'
import {readHistorySync} from '../storage/history'
import {lockDataset} from '../storage/lock'
import {
  encodeRecord,
  metadataOf,
  type TransactionMetadata,
  type TransactionRecord,
} from '../storage/log'
import {readDatasetSync} from '../storage/read'
import {ContentLakeError, mutationFailed} from './errors'
import {TransactionLogWriter} from './transactionLog'
import {
  type DocumentChange,
  type MutationResult,
  PendingTransaction,
  type SelectDocuments,
} from './transaction'
import {startTypeScriptWorker} from './workerThread'

export interface CommittedTransaction {
  /** Position in the dataset's log. */
  seq: number
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

export interface StoreOptions {
  /**
   * Fold the log into the snapshot once its current generation holds this many bytes (default: a
   * quarter of the snapshot, between 4 and 64 MB), so a restart has little log to replay.
   */
  compactAfterBytes?: number
}

export interface HistoryFilter {
  fromTime?: string
  toTime?: string
  reverse?: boolean
  limit?: number
}

type TransactionListener = (transaction: CommittedTransaction) => void

/** Random ids shaped like the Content Lake's transaction ids (and so its revisions). */
export function newTransactionId(): string {
  return randomBytes(16).toString('base64url').slice(0, 22)
}

const MB = 1024 * 1024

function defaultCompactionThreshold(file: string): number {
  let size = 0
  try {
    size = statSync(file).size
  } catch {
    // No snapshot yet.
  }
  return Math.min(64 * MB, Math.max(4 * MB, Math.floor(size / 4)))
}

function mergeHistory(...lists: TransactionMetadata[][]): TransactionMetadata[] {
  const seen = new Set<string>()
  return lists.flat().filter(({id}) => !seen.has(id) && seen.add(id))
}

function stopping(): ContentLakeError {
  return new ContentLakeError(503, 'serviceUnavailable', 'The local Content Lake is stopping.')
}

function storeFailed(): ContentLakeError {
  return new ContentLakeError(
    503,
    'serviceUnavailable',
    'The local Content Lake could not write to its transaction log and accepts no more changes; restart it (what it acknowledged is safe).',
  )
}

/**
 * The documents of one dataset, in memory, made durable by an append-only transaction log beside
 * the NDJSON snapshot (see lib/storage). A transaction is built on top of everything before it,
 * durable or not (transactions run one at a time), appended to the log, and acknowledged once the
 * log is on disk; only then do queries, `get` and listeners see it. Group commit makes concurrent
 * transactions share a flush. Compaction folds the log into the snapshot on a thread of its own
 * when the log grows, and once more on close, so a stopped lake leaves one complete NDJSON file.
 */
export class DocumentStore {
  private readonly listeners = new Set<TransactionListener>()
  private buildQueue: Promise<unknown> = Promise.resolve()
  /** What transactions that are not durable yet did, by document (null: deleted). */
  private readonly pending = new Map<string, {document: SanityDocument | null; seq: number}>()
  private readonly pendingTransactionIds = new Set<string>()
  private readonly usedTransactionIds: Set<string>
  private nextSeq: number
  private compaction: Promise<void> | undefined
  private closing = false
  private selectDocuments: SelectDocuments = async () => {
    throw new ContentLakeError(503, 'serviceUnavailable', 'Queries are not available yet.')
  }

  private constructor(
    readonly file: string,
    private readonly documents: Map<string, SanityDocument>,
    private readonly log: TransactionLogWriter,
    private readonly history: TransactionMetadata[],
    durableSeq: number,
    private readonly releaseLock: () => void,
    private readonly compactAfterBytes: number,
  ) {
    this.usedTransactionIds = new Set(history.map(({id}) => id))
    this.nextSeq = durableSeq + 1
  }

  /**
   * Opens the dataset for writing: takes its lock (DatasetInUseError if another process has it),
   * reads snapshot and log, and starts a new log generation.
   */
  static async open(file: string, options: StoreOptions = {}): Promise<DocumentStore> {
    mkdirSync(path.dirname(path.resolve(file)), {recursive: true})
    const releaseLock = lockDataset(file, 'the local Content Lake')
    try {
      removeStaleTemporaryFiles(file)
      const contents = readDatasetSync(file, {fillSystemFields: true})
      const history = mergeHistory(readHistorySync(file), contents.transactions)
      const lastGeneration = contents.logs.at(-1)?.generation ?? 0
      const log = await TransactionLogWriter.create(file, lastGeneration + 1, contents.seq + 1)
      const store = new DocumentStore(
        file,
        contents.documents as Map<string, SanityDocument>,
        log,
        history,
        contents.seq,
        releaseLock,
        options.compactAfterBytes ?? defaultCompactionThreshold(file),
      )
      // A log left behind (by a crash) is folded now, so the next start has less to read.
      if (lastGeneration > 0) store.compactInBackground(lastGeneration)
      return store
    } catch (error) {
      releaseLock()
      throw error
    }
  }

  /** How `{patch: {query}}` and `{delete: {query}}` find their documents (the query threads). */
  useSelector(select: SelectDocuments): void {
    this.selectDocuments = select
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

  /** The committed transactions that touched any of `ids`, oldest first unless `reverse`. */
  transactionsFor(ids: readonly string[], filter: HistoryFilter = {}): TransactionMetadata[] {
    const wanted = new Set(ids)
    const matching = this.history.filter(
      (transaction) =>
        transaction.documentIDs.some((id) => wanted.has(id)) &&
        (!filter.fromTime || transaction.timestamp >= filter.fromTime) &&
        (!filter.toTime || transaction.timestamp <= filter.toTime),
    )
    if (filter.reverse) matching.reverse()
    return filter.limit === undefined ? matching : matching.slice(0, filter.limit)
  }

  /**
   * Runs `build` against a pending transaction and commits what it added, all or nothing;
   * resolves once it is durable. Transactions are built one at a time, each on top of the one
   * before, whether or not that one is on disk yet.
   */
  async transact(
    build: (transaction: PendingTransaction) => Promise<void>,
    options: TransactionOptions,
  ): Promise<{transactionId: string; results: MutationResult[]}> {
    const prepared = this.buildQueue.then(() => this.prepare(build, options))
    this.buildQueue = prepared.catch(() => undefined)
    const {transactionId, results, durable} = await prepared
    await durable
    return {transactionId, results}
  }

  private readonly lookupLatest = (id: string): SanityDocument | undefined => {
    const pending = this.pending.get(id)
    return pending ? (pending.document ?? undefined) : this.documents.get(id)
  }

  private async prepare(
    build: (transaction: PendingTransaction) => Promise<void>,
    options: TransactionOptions,
  ) {
    if (this.closing) throw stopping()
    if (this.log.failed) throw storeFailed()
    const transactionId = options.transactionId ?? newTransactionId()
    if (
      this.usedTransactionIds.has(transactionId) ||
      this.pendingTransactionIds.has(transactionId)
    ) {
      throw mutationFailed({
        index: 0,
        type: 'transactionIdConflictError',
        description: `The transaction ID "${transactionId}" has already been used in this dataset: transaction IDs must be unique.`,
      })
    }
    const transaction = new PendingTransaction(
      this.lookupLatest,
      this.selectDocuments,
      () =>
        [...this.pending].map(
          ([id, {document}]) => [id, document] as [string, SanityDocument | null],
        ),
      transactionId,
      new Date().toISOString(),
    )
    await build(transaction)
    const changes = [...transaction.changes.values()].filter(
      ({previous, next}) => previous !== null || next !== null,
    )
    const results = transaction.results
    if (changes.length === 0) return {transactionId, results, durable: Promise.resolve()}
    const record: TransactionRecord = {
      seq: this.nextSeq,
      id: transactionId,
      timestamp: transaction.timestamp,
      author: options.identity,
      put: changes.flatMap(({next}) => (next ? [next] : [])),
      deleted: changes.filter(({next}) => !next).map(({id}) => id),
    }
    let line: string
    try {
      line = encodeRecord(record)
    } catch {
      throw new ContentLakeError(
        400,
        'invalidDocumentError',
        'The documents cannot be stored as JSON (nested too deeply).',
      )
    }
    this.nextSeq++
    for (const {id, next} of changes) this.pending.set(id, {document: next, seq: record.seq})
    this.pendingTransactionIds.add(transactionId)
    const committed: CommittedTransaction = {
      seq: record.seq,
      transactionId,
      timestamp: transaction.timestamp,
      identity: options.identity,
      changes,
    }
    const durable = this.log.append(line, record.seq).then(
      () => this.applyDurable(committed, record),
      (error: unknown) => {
        console.error('The local Content Lake could not write its transaction log:', error)
        throw storeFailed()
      },
    )
    return {transactionId, results, durable}
  }

  /** A transaction reached the disk: make it what everyone reads. Runs in log order. */
  private applyDurable(committed: CommittedTransaction, record: TransactionRecord): void {
    for (const {id, next} of committed.changes) {
      if (next) this.documents.set(id, next)
      else this.documents.delete(id)
      if (this.pending.get(id)?.seq === committed.seq) this.pending.delete(id)
    }
    this.pendingTransactionIds.delete(committed.transactionId)
    this.usedTransactionIds.add(committed.transactionId)
    this.history.push(metadataOf(record))
    for (const listener of this.listeners) {
      try {
        listener(committed)
      } catch (error) {
        console.error('A listener of the local Content Lake failed:', error)
      }
    }
    if (!this.compaction && !this.closing && this.log.bytes >= this.compactAfterBytes)
      this.compactInBackground()
  }

  /** Seals the log (or takes `upToGeneration`, already sealed) and folds it on another thread. */
  private compactInBackground(upToGeneration?: number): void {
    this.compaction = (async () => {
      const sealed = upToGeneration ?? (await this.log.rotate())
      await runCompaction(this.file, sealed)
    })()
      .catch((error: unknown) => {
        // The log stays as it is, complete; the next compaction folds it too.
        console.error('Compacting the local dataset failed; it will be tried again:', error)
      })
      .finally(() => {
        this.compaction = undefined
      })
  }

  /**
   * Finishes what was acknowledged, folds the whole log into the snapshot and releases the
   * dataset: a stopped lake leaves one NDJSON file, complete, for `sanity dataset import` and
   * every other reader.
   */
  async close(): Promise<void> {
    this.closing = true
    await this.buildQueue
    await this.log.close()
    await this.compaction
    try {
      if (!this.log.failed) compactDatasetSync(this.file)
    } finally {
      this.releaseLock()
    }
  }
}

function runCompaction(datasetFile: string, upToGeneration: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = startTypeScriptWorker(new URL('./compactionWorker.ts', import.meta.url), {
      workerData: {datasetFile, upToGeneration},
    })
    worker.once('message', () => resolve())
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The compaction thread stopped with exit code ${code}.`))
    })
  })
}
