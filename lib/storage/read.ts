import {closeSync, fstatSync, openSync, readFileSync} from 'node:fs'

import {logGenerations, logPath} from './files'
import {metadataOf, parseLog, type TransactionMetadata} from './log'
import {parseDatasetNdjson, type StoredDocument} from './ndjson'

export interface DatasetLog {
  generation: number
  path: string
  /** The sequence number of its first transaction, from its header (undefined: no header yet). */
  firstSeq: number | undefined
  transactions: number
  validBytes: number
  tornBytes: number
}

export interface DatasetContents {
  /** False when there is neither a snapshot nor a log: nobody has written this dataset yet. */
  exists: boolean
  /** Every document, by `_id`, after the logged transactions are applied to the snapshot. */
  documents: Map<string, StoredDocument>
  /** The sequence number of the last transaction applied; 0 before the first. */
  seq: number
  /** When the snapshot was written (the defaults of documents without system fields). */
  snapshotWrittenAt: Date | undefined
  logs: DatasetLog[]
  /** The logged transactions, in order (those compaction folded are in the history file). */
  transactions: TransactionMetadata[]
}

export interface ReadOptions {
  /**
   * Give documents without `_rev`, `_createdAt` or `_updatedAt` the defaults every reader of the
   * same snapshot agrees on (see withSystemFields), as the Content Lake always has them.
   */
  fillSystemFields?: boolean
  /** Apply only the log generations up to this one (compaction folds a sealed part of the log). */
  upToGeneration?: number
}

/** A file that went away between listing and opening: compaction finished meanwhile. */
class VanishedFile extends Error {}

const MAX_ATTEMPTS = 20

/**
 * Reads the dataset as its committed transactions left it: the snapshot, then the log generations
 * in order. Safe while the local Content Lake is writing and compacting in another process:
 * every log is opened before the snapshot, so the snapshot is never older than the logs assume
 * (replaying a log over a snapshot that already holds it changes nothing), and a log that was
 * folded and deleted before it could be opened means starting again.
 */
export function readDatasetSync(file: string, options: ReadOptions = {}): DatasetContents {
  for (let attempt = 1; ; attempt++) {
    try {
      return readOnce(file, options)
    } catch (error) {
      if (!(error instanceof VanishedFile) || attempt >= MAX_ATTEMPTS) throw error
    }
  }
}

function openExisting(path: string): number | undefined {
  try {
    return openSync(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

function readOnce(file: string, options: ReadOptions): DatasetContents {
  const generations = logGenerations(file).filter(
    (generation) => options.upToGeneration === undefined || generation <= options.upToGeneration,
  )
  const opened: {generation: number; fd: number}[] = []
  let snapshotFd: number | undefined
  try {
    for (const generation of generations) {
      const fd = openExisting(logPath(file, generation))
      if (fd === undefined) throw new VanishedFile()
      opened.push({generation, fd})
    }
    snapshotFd = openExisting(file)
    const snapshotWrittenAt = snapshotFd === undefined ? undefined : fstatSync(snapshotFd).mtime
    const snapshot =
      snapshotFd === undefined
        ? []
        : parseDatasetNdjson(readFileSync(snapshotFd), file, {
            fillSystemFields:
              options.fillSystemFields && snapshotWrittenAt
                ? {
                    revision: `snapshot-${Math.floor(snapshotWrittenAt.getTime()).toString(36)}`,
                    storedAt: snapshotWrittenAt.toISOString(),
                  }
                : undefined,
          })
    const documents = new Map(snapshot.map((document) => [document._id, document]))
    const logs: DatasetLog[] = []
    const transactions: TransactionMetadata[] = []
    let seq = 0
    for (const {generation, fd} of opened) {
      const path = logPath(file, generation)
      const log = parseLog(readFileSync(fd), path)
      for (const record of log.records) {
        for (const document of record.put) documents.set(document._id, document)
        for (const id of record.deleted) documents.delete(id)
        transactions.push(metadataOf(record))
        seq = record.seq
      }
      if (log.records.length === 0 && log.header) seq = Math.max(seq, log.header.firstSeq - 1)
      logs.push({
        generation,
        path,
        firstSeq: log.header?.firstSeq,
        transactions: log.records.length,
        validBytes: log.validBytes,
        tornBytes: log.tornBytes,
      })
    }
    return {
      exists: snapshotFd !== undefined || opened.length > 0,
      documents,
      seq,
      snapshotWrittenAt,
      logs,
      transactions,
    }
  } finally {
    for (const {fd} of opened) closeSync(fd)
    if (snapshotFd !== undefined) closeSync(snapshotFd)
  }
}
