/**
 * The local dataset on disk (lib/storage): snapshot plus transaction log, read the same by every
 * process, compacted without a moment where a reader could miss a committed transaction.
 */
import {type ChildProcess, spawn} from 'node:child_process'
import {once} from 'node:events'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {
  appendHistorySync,
  compactDatasetSync,
  DatasetInUseError,
  lockPath,
  logGenerations,
  logPath,
  readDatasetSync,
  readHistorySync,
  removeStaleTemporaryFiles,
  writeSnapshotSync,
} from '../../lib/storage'
import {encodeLogHeader, encodeRecord, type TransactionRecord} from '../../lib/storage/log'
import {TEAM, toNdjson} from './fixtures'
import {clientFor, startLake, temporaryDirectory} from './helpers'

let directory: Awaited<ReturnType<typeof temporaryDirectory>>
let file: string

beforeEach(async () => {
  directory = await temporaryDirectory()
  file = join(directory.path, 'production.ndjson')
})

afterEach(async () => {
  await directory.remove()
})

const RENAMED = {...TEAM, name: 'Renamed in the log', _rev: 'tx-1'}
const CREATED = {_id: 'team-new', _type: 'team', name: 'Created in the log', _rev: 'tx-2'}

function record(seq: number, id: string, put: object[], deleted: string[] = []): string {
  return encodeRecord({
    seq,
    id,
    timestamp: '2026-12-01T10:00:00.000Z',
    author: 'local-admin',
    put,
    deleted,
  } as TransactionRecord)
}

/** A snapshot with one team, and two log generations that rename it, add one, delete it again. */
function writeDatasetWithLog(): void {
  writeFileSync(file, toNdjson([TEAM]))
  writeFileSync(
    logPath(file, 1),
    encodeLogHeader({generation: 1, firstSeq: 1}) +
      record(1, 'tx-1', [RENAMED]) +
      record(2, 'tx-2', [CREATED]),
  )
  writeFileSync(
    logPath(file, 2),
    encodeLogHeader({generation: 2, firstSeq: 3}) +
      record(3, 'tx-3', [], [CREATED._id]) +
      record(4, 'tx-4', [CREATED]),
  )
}

const EXPECTED = new Map<string, object>([
  [TEAM._id, RENAMED],
  [CREATED._id, CREATED],
])

describe('reading', () => {
  it('applies the log generations to the snapshot, in order', () => {
    writeDatasetWithLog()
    const contents = readDatasetSync(file)
    expect(contents.documents).toEqual(EXPECTED)
    expect(contents.seq).toBe(4)
    expect(contents.transactions.map(({id}) => id)).toEqual(['tx-1', 'tx-2', 'tx-3', 'tx-4'])
  })

  it('leaves out a transaction whose append was cut short: it was never acknowledged', () => {
    writeDatasetWithLog()
    const torn = record(5, 'tx-5', [{...TEAM, name: 'Half written'}])
    writeFileSync(logPath(file, 2), readFileSync(logPath(file, 2)) + torn.slice(0, 40))
    const contents = readDatasetSync(file)
    expect(contents.documents).toEqual(EXPECTED)
    expect(contents.logs.at(-1)?.tornBytes).toBe(40)
  })

  it('names file and line of a damaged log line, rather than guessing', () => {
    writeDatasetWithLog()
    const lines = readFileSync(logPath(file, 1), 'utf8').split('\n')
    lines[1] = '{"seq": 1, "id": '
    writeFileSync(logPath(file, 1), lines.join('\n'))
    expect(() => readDatasetSync(file)).toThrow(
      `${logPath(file, 1)}:2: the transaction log is damaged`,
    )
  })

  it('reads a log whose header was never written as empty (a crash right after it was created)', () => {
    writeDatasetWithLog()
    writeFileSync(logPath(file, 3), '')
    expect(readDatasetSync(file).documents).toEqual(EXPECTED)
  })
})

describe('compaction', () => {
  it('folds the log into the snapshot, keeps the history, and removes the log', () => {
    writeDatasetWithLog()
    expect(compactDatasetSync(file)).toEqual({transactions: 4, generations: 2})
    expect(logGenerations(file)).toEqual([])
    expect(readDatasetSync(file).documents).toEqual(EXPECTED)
    expect(readHistorySync(file).map(({id}) => id)).toEqual(['tx-1', 'tx-2', 'tx-3', 'tx-4'])
    // The snapshot alone now holds it all, sorted by _id.
    expect(readFileSync(file, 'utf8')).toBe(toNdjson([RENAMED, CREATED]))
  })

  it('reads the same whichever step a crash interrupted it at', () => {
    writeDatasetWithLog()
    const folded = readDatasetSync(file, {fillSystemFields: true})
    // 1. The history was appended, the snapshot not yet replaced.
    appendHistorySync(file, folded.transactions)
    expect(readDatasetSync(file).documents).toEqual(EXPECTED)
    // 2. The snapshot was replaced, the folded logs not yet deleted: replaying them is harmless.
    writeSnapshotSync(file, folded.documents.values())
    expect(readDatasetSync(file).documents).toEqual(EXPECTED)
    // The next compaction finishes the job and lists every transaction once.
    compactDatasetSync(file)
    expect(readDatasetSync(file).documents).toEqual(EXPECTED)
    const history = readHistorySync(file).map(({id}) => id)
    expect(new Set(history)).toEqual(new Set(['tx-1', 'tx-2', 'tx-3', 'tx-4']))
  })

  it('lets a reader in another process see every acknowledged write while the lake compacts', async () => {
    writeFileSync(file, toNdjson([{...TEAM, count: 0}]))
    // A log generation of 1 kB: the lake compacts every few transactions.
    const child: ChildProcess = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/content-lake.ts',
        '--file',
        file,
        '--port',
        '0',
        '--compact-after',
        '1024',
      ],
      {stdio: ['ignore', 'pipe', 'inherit']},
    )
    let output = ''
    let url: string | undefined
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      output += String(chunk)
      url = /at (http:\/\/localhost:\d+)/.exec(output)?.[1]
      if (url) break
    }
    if (!url) throw new Error(`The lake did not start: ${output}`)
    const client = clientFor(url)
    let acknowledged = 0
    let done = false
    const writes = (async () => {
      for (let count = 1; count <= 200; count++) {
        await client.patch(TEAM._id).set({count}).commit()
        acknowledged = count
      }
      done = true
    })()
    let reads = 0
    while (!done) {
      const before = acknowledged
      const seen = readDatasetSync(file).documents.get(TEAM._id)?.count as number
      expect(seen).toBeGreaterThanOrEqual(before)
      reads++
      await new Promise((resolve) => setImmediate(resolve))
    }
    await writes
    expect(reads).toBeGreaterThan(10)
    expect(readDatasetSync(file).documents.get(TEAM._id)?.count).toBe(200)
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    await exited
    // Stopped, the lake left one complete NDJSON file.
    expect(logGenerations(file)).toEqual([])
    expect(JSON.parse(readFileSync(file, 'utf8').trim()).count).toBe(200)
  })
})

describe('ownership', () => {
  it('lets one lake serve a dataset at a time, and takes over a lock left by a killed one', async () => {
    writeFileSync(file, toNdjson([TEAM]))
    const first = await startLake(file)
    try {
      const second = startLake(file)
      await expect(second).rejects.toBeInstanceOf(DatasetInUseError)
      await expect(second).rejects.toThrow(
        `${file} is in use by the local Content Lake (process ${process.pid})`,
      )
    } finally {
      await first.close()
    }
    expect(existsSync(lockPath(file))).toBe(false)
    // A process id that is not running: the lock of a lake killed with SIGKILL.
    writeFileSync(
      lockPath(file),
      JSON.stringify({pid: 2 ** 22 + 12_345, owner: 'the local Content Lake'}),
    )
    const after = await startLake(file)
    await after.close()
  })

  it('removes temporary files that killed writers left, and only those', () => {
    writeFileSync(file, toNdjson([TEAM]))
    const dead = `${file}.${2 ** 22 + 54_321}.tmp`
    const ours = `${file}.${process.pid}.tmp`
    writeFileSync(dead, 'half a dataset')
    writeFileSync(ours, 'being written')
    expect(removeStaleTemporaryFiles(file)).toEqual([dead])
    expect(existsSync(dead)).toBe(false)
    expect(existsSync(ours)).toBe(true)
  })
})
