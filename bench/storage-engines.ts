/**
 * The measurement behind the local Content Lake's storage engine (bench/RESULTS.md, "Storage
 * engine"): the two candidates the design allowed, on the same dataset, doing what the lake does.
 *
 * - an append-only transaction log beside the NDJSON snapshot: one line per transaction, the
 *   changed documents whole, `fdatasync` before the acknowledgement;
 * - an embedded database, `node:sqlite` (WAL journal, `synchronous=FULL`): one row per document.
 *
 * For each: a one-document transaction made durable (latency), twenty of them made durable together
 * (what twenty concurrent clients give a group commit), loading the whole dataset into memory
 * (restart: groq-js needs the documents in memory either way), and writing the NDJSON that
 * `sanity dataset import`, the export and the queries read.
 *
 *   npx tsx bench/storage-engines.ts --dataset bench/out/data/bench.ndjson
 */
import {
  closeSync,
  fdatasyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {DatabaseSync} from 'node:sqlite'

import {Command} from 'commander'

import {latency, type Latency} from './measure'

export interface EngineFigures {
  commitOne: Latency
  /** Time to make twenty transactions durable together, per transaction. */
  commitTwentyPerTransactionMs: Latency
  loadMs: number
  exportNdjsonMs: number
  /** Building the engine's files from the NDJSON dataset (the database only). */
  createMs?: number
  diskMb: number
}

export interface StorageEngineResults {
  dataset: {documents: number; megabytes: number}
  samples: number
  log: EngineFigures
  sqlite: EngineFigures
}

interface Document {
  _id: string
  _type: string
  [field: string]: unknown
}

function timed<T>(run: () => T): {value: T; ms: number} {
  const start = performance.now()
  const value = run()
  return {value, ms: performance.now() - start}
}

function parseNdjson(text: string): Document[] {
  const documents: Document[] = []
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    if (end > start) documents.push(JSON.parse(text.slice(start, end)) as Document)
    start = end + 1
  }
  return documents
}

/** A transaction's change as the lake makes it: one posting edited, written whole. */
function edit(document: Document, sample: number): Document {
  return {...document, _rev: `bench-${sample}`, benchEdit: sample}
}

function measureLog(documents: Document[], directory: string, samples: number): EngineFigures {
  const logFile = path.join(directory, 'dataset.ndjson.log.1')
  const fd = openSync(logFile, 'a')
  const postings = documents.filter((document) => document._type === 'posting')
  const record = (document: Document, seq: number) =>
    `${JSON.stringify({seq, id: `bench-${seq}`, put: [document], deleted: []})}\n`
  const one: number[] = []
  for (let sample = 0; sample < samples; sample++) {
    const document = edit(postings[sample % postings.length] as Document, sample)
    const {ms} = timed(() => {
      writeSync(fd, record(document, sample))
      fdatasyncSync(fd)
    })
    one.push(ms)
  }
  const twenty: number[] = []
  for (let sample = 0; sample < samples / 20; sample++) {
    const lines = Array.from({length: 20}, (_, index) =>
      record(edit(postings[(sample * 20 + index) % postings.length] as Document, sample), sample),
    ).join('')
    const {ms} = timed(() => {
      writeSync(fd, lines)
      fdatasyncSync(fd)
    })
    twenty.push(ms / 20)
  }
  closeSync(fd)
  const snapshot = path.join(directory, 'dataset.ndjson')
  const exported = timed(() => {
    const sorted = [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
    const out = openSync(snapshot, 'w')
    for (const document of sorted) writeSync(out, `${JSON.stringify(document)}\n`)
    fdatasyncSync(out)
    closeSync(out)
  })
  const loaded = timed(
    () => new Map(parseNdjson(readFileSync(snapshot, 'utf8')).map((d) => [d._id, d])),
  )
  return {
    commitOne: latency(one),
    commitTwentyPerTransactionMs: latency(twenty),
    loadMs: loaded.ms,
    exportNdjsonMs: exported.ms,
    diskMb: readFileSync(snapshot).length / 1e6,
  }
}

function measureSqlite(documents: Document[], directory: string, samples: number): EngineFigures {
  const file = path.join(directory, 'dataset.sqlite')
  const database = new DatabaseSync(file)
  database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;')
  database.exec('CREATE TABLE documents (id TEXT PRIMARY KEY, body TEXT NOT NULL) WITHOUT ROWID')
  const upsert = database.prepare('INSERT OR REPLACE INTO documents (id, body) VALUES (?, ?)')
  const created = timed(() => {
    database.exec('BEGIN')
    for (const document of documents) upsert.run(document._id, JSON.stringify(document))
    database.exec('COMMIT')
  })
  const postings = documents.filter((document) => document._type === 'posting')
  const one: number[] = []
  for (let sample = 0; sample < samples; sample++) {
    const document = edit(postings[sample % postings.length] as Document, sample)
    const {ms} = timed(() => {
      database.exec('BEGIN')
      upsert.run(document._id, JSON.stringify(document))
      database.exec('COMMIT')
    })
    one.push(ms)
  }
  const twenty: number[] = []
  for (let sample = 0; sample < samples / 20; sample++) {
    const batch = Array.from({length: 20}, (_, index) =>
      edit(postings[(sample * 20 + index) % postings.length] as Document, sample),
    )
    const {ms} = timed(() => {
      database.exec('BEGIN')
      for (const document of batch) upsert.run(document._id, JSON.stringify(document))
      database.exec('COMMIT')
    })
    twenty.push(ms / 20)
  }
  database.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  database.close()
  const loaded = timed(() => {
    const reopened = new DatabaseSync(file)
    const rows = reopened.prepare('SELECT body FROM documents').all() as {body: string}[]
    const map = new Map(
      rows.map((row) => {
        const document = JSON.parse(row.body) as Document
        return [document._id, document]
      }),
    )
    reopened.close()
    return map
  })
  const exported = timed(() => {
    const reopened = new DatabaseSync(file)
    const out = openSync(path.join(directory, 'export.ndjson'), 'w')
    for (const row of reopened.prepare('SELECT body FROM documents ORDER BY id').iterate())
      writeSync(out, `${(row as {body: string}).body}\n`)
    fdatasyncSync(out)
    closeSync(out)
    reopened.close()
  })
  return {
    commitOne: latency(one),
    commitTwentyPerTransactionMs: latency(twenty),
    loadMs: loaded.ms,
    exportNdjsonMs: exported.ms,
    createMs: created.ms,
    diskMb: readFileSync(file).length / 1e6,
  }
}

export function measureStorageEngines(datasetFile: string, samples = 400): StorageEngineResults {
  const text = readFileSync(datasetFile, 'utf8')
  const documents = parseNdjson(text)
  const directory = mkdtempSync(path.join(os.tmpdir(), 'storage-engines-'))
  try {
    return {
      dataset: {documents: documents.length, megabytes: Buffer.byteLength(text) / 1e6},
      samples,
      log: measureLog(documents, directory, samples),
      sqlite: measureSqlite(documents, directory, samples),
    }
  } finally {
    rmSync(directory, {recursive: true, force: true})
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = new Command('storage-engines')
    .requiredOption(
      '--dataset <file>',
      'an NDJSON dataset (the bench writes bench/out/data/bench.ndjson)',
    )
    .option('--samples <n>', 'one-document transactions per engine', '400')
    .parse()
    .opts<{dataset: string; samples: string}>()
  console.log(
    JSON.stringify(measureStorageEngines(options.dataset, Number(options.samples)), null, 2),
  )
}
