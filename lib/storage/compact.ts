import {rmSync} from 'node:fs'
import path from 'node:path'

import {syncDirectory, writeFileAtomicSync, writeFully} from './atomicFile'
import {logGenerations, logPath} from './files'
import {appendHistorySync} from './history'
import type {StoredDocument} from './ndjson'
import {readDatasetSync} from './read'

export interface CompactionResult {
  /** Transactions folded into the snapshot. */
  transactions: number
  /** Log generations removed. */
  generations: number
}

/** Documents sorted by `_id`: the snapshot's order, so a dataset's file is the same however built. */
export function sortedById(documents: Iterable<StoredDocument>): StoredDocument[] {
  return [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
}

const SNAPSHOT_WRITE_BYTES = 1024 * 1024

/** Writes the snapshot: the documents as NDJSON, sorted by `_id`, replaced atomically. */
export function writeSnapshotSync(file: string, documents: Iterable<StoredDocument>): void {
  writeFileAtomicSync(file, (fd) => {
    let pending: string[] = []
    let pendingLength = 0
    for (const document of sortedById(documents)) {
      const line = `${JSON.stringify(document)}\n`
      pending.push(line)
      pendingLength += line.length
      if (pendingLength >= SNAPSHOT_WRITE_BYTES) {
        writeFully(fd, Buffer.from(pending.join('')))
        pending = []
        pendingLength = 0
      }
    }
    writeFully(fd, Buffer.from(pending.join('')))
  })
}

/**
 * Folds the log generations up to `upToGeneration` (all of them by default) into the snapshot.
 * Each step leaves a dataset that reads the same, so a crash anywhere loses nothing: the folded
 * transactions' metadata go to the history first, then the new snapshot replaces the old one,
 * and only then are the folded logs deleted (replaying them over the new snapshot is harmless).
 *
 * Only the owner of the dataset may compact it (the local Content Lake, which folds generations
 * it no longer appends to, or a process holding the dataset lock).
 */
export function compactDatasetSync(
  file: string,
  options: {upToGeneration?: number} = {},
): CompactionResult {
  const generations = logGenerations(file).filter(
    (generation) => options.upToGeneration === undefined || generation <= options.upToGeneration,
  )
  if (generations.length === 0) return {transactions: 0, generations: 0}
  const contents = readDatasetSync(file, {
    fillSystemFields: true,
    upToGeneration: generations.at(-1),
  })
  if (contents.transactions.length > 0) {
    appendHistorySync(file, contents.transactions)
    writeSnapshotSync(file, contents.documents.values())
  }
  for (const generation of generations) rmSync(logPath(file, generation), {force: true})
  syncDirectory(path.dirname(path.resolve(file)))
  return {transactions: contents.transactions.length, generations: generations.length}
}
