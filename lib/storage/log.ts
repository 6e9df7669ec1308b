import {ndjsonLines, type StoredDocument} from './ndjson'

/**
 * The transaction log: NDJSON, a header line, then one line per committed transaction holding
 * the documents it changed, whole (or the ids it deleted). Whole documents make replay
 * idempotent: applying a log over a snapshot that already contains some of it gives the same
 * result, which is what lets compaction and readers in other processes work without locks.
 */
export const LOG_FORMAT = 'careers-cms/transaction-log'

export interface LogHeader {
  format: typeof LOG_FORMAT
  version: 1
  generation: number
  /** The sequence number of the first transaction this generation holds. */
  firstSeq: number
}

/** What the history API says about a transaction. */
export interface TransactionMetadata {
  id: string
  timestamp: string
  /** The user who made it. */
  author: string
  documentIDs: string[]
}

export interface TransactionRecord {
  /** Position in the dataset's log, one more than the transaction before. */
  seq: number
  id: string
  timestamp: string
  author: string
  /** The changed documents as they are after the transaction. */
  put: StoredDocument[]
  deleted: string[]
}

export function encodeLogHeader(header: Omit<LogHeader, 'format' | 'version'>): string {
  return `${JSON.stringify({format: LOG_FORMAT, version: 1, ...header})}\n`
}

/** One log line; throws for a value JSON cannot hold (the transaction is refused then). */
export function encodeRecord(record: TransactionRecord): string {
  return `${JSON.stringify(record)}\n`
}

export function metadataOf(record: TransactionRecord): TransactionMetadata {
  return {
    id: record.id,
    timestamp: record.timestamp,
    author: record.author,
    documentIDs: [...record.put.map(({_id}) => _id), ...record.deleted],
  }
}

export interface LogContents {
  /** Undefined for a file that ended before its header was complete. */
  header: LogHeader | undefined
  records: TransactionRecord[]
  /** Bytes up to the end of the last complete line. */
  validBytes: number
  /**
   * Bytes after it: a transaction that was being appended when the writer died. It was never
   * acknowledged (that waits for the whole line to be on disk), so it is not part of the dataset.
   */
  tornBytes: number
}

function isRecord(value: unknown): value is TransactionRecord {
  const record = value as Partial<TransactionRecord> | null
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.seq === 'number' &&
    typeof record.id === 'string' &&
    Array.isArray(record.put) &&
    Array.isArray(record.deleted)
  )
}

/**
 * Reads a log file's bytes. Only the bytes after the last newline can be a torn append; a complete
 * line that is not a transaction is damage, reported with `source` and the line.
 */
export function parseLog(bytes: Uint8Array, source: string): LogContents {
  let header: LogHeader | undefined
  const records: TransactionRecord[] = []
  let validBytes = 0
  for (const {text, line, end, complete} of ndjsonLines(bytes)) {
    if (!complete) break
    validBytes = end + 1
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      throw new Error(`${source}:${line}: the transaction log is damaged (not JSON).`, {
        cause: error,
      })
    }
    if (line === 1) {
      const candidate = value as Partial<LogHeader> | null
      if (candidate?.format !== LOG_FORMAT || candidate.version !== 1)
        throw new Error(`${source}:1: not a transaction log of this project.`)
      header = candidate as LogHeader
    } else if (isRecord(value)) {
      records.push(value)
    } else {
      throw new Error(`${source}:${line}: the transaction log is damaged (not a transaction).`)
    }
  }
  return {header, records, validBytes, tornBytes: bytes.length - validBytes}
}
