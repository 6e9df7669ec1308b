import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  readSync,
} from 'node:fs'
import path from 'node:path'

import {syncDirectory, writeFully} from './atomicFile'
import {historyPath} from './files'
import type {TransactionMetadata} from './log'
import {ndjsonLines} from './ndjson'

/**
 * The transactions compaction folded into the snapshot, one NDJSON line each. Read with the logs
 * (which hold the rest) it is the dataset's whole transaction history; a transaction that was in
 * both when a compaction was interrupted is listed once.
 */
export function readHistorySync(file: string): TransactionMetadata[] {
  let bytes: Buffer
  try {
    bytes = readFileSync(historyPath(file))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const transactions: TransactionMetadata[] = []
  for (const {text, line, complete} of ndjsonLines(bytes)) {
    // An append interrupted by a crash; compaction cuts it off before appending again.
    if (!complete) break
    try {
      transactions.push(JSON.parse(text) as TransactionMetadata)
    } catch (error) {
      throw new Error(`${historyPath(file)}:${line}: the transaction history is damaged.`, {
        cause: error,
      })
    }
  }
  return transactions
}

/** Appends transactions to the history file and flushes it; cuts off a torn last line first. */
export function appendHistorySync(file: string, transactions: readonly TransactionMetadata[]) {
  if (transactions.length === 0) return
  const target = historyPath(file)
  const created = !existsSync(target)
  const fd = openSync(target, 'a+')
  try {
    const size = fstatSync(fd).size
    if (size > 0) {
      const last = Buffer.alloc(1)
      readSync(fd, last, 0, 1, size - 1)
      if (last[0] !== 0x0a) {
        const bytes = readFileSync(target)
        ftruncateSync(fd, bytes.lastIndexOf(0x0a) + 1)
      }
    }
    writeFully(fd, Buffer.from(transactions.map((entry) => `${JSON.stringify(entry)}\n`).join('')))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  if (created) syncDirectory(path.dirname(path.resolve(target)))
}
