import {type ChildProcess, execFile, spawn} from 'node:child_process'
import {createReadStream, readFileSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {once} from 'node:events'
import {promisify} from 'node:util'

import {sanityImport} from '@sanity/import'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {logGenerations, parseDatasetNdjson, readDatasetSync} from '../../lib/storage'
import {TEAM, toNdjson} from './fixtures'
import {clientFor, startLake, temporaryDirectory} from './helpers'

const run = promisify(execFile)

/** Enough content that compactions take a while, so kills land during them too. */
const FILLER_DOCUMENTS = Array.from({length: 2000}, (_, index) => ({
  _id: `filler-${index}`,
  _type: 'team',
  name: `Filler team ${index}`,
  description: 'A fictional team that only exists to make the dataset file big. '.repeat(8),
}))

const WRITERS = 4
/** A small log generation: the lake compacts every few dozen transactions while being written to. */
const COMPACT_AFTER_BYTES = 64 * 1024

/** Node itself with tsx as a loader, so a SIGKILL reaches the server and nothing else. */
function lakeCommand(datasetFile: string, ...args: string[]): string[] {
  return ['--import', 'tsx', 'scripts/content-lake.ts', '--file', datasetFile, ...args]
}

/** Starts `npm run lake` as its own process, so the test can kill it like a crash would. */
async function startLakeProcess(datasetFile: string): Promise<{child: ChildProcess; url: string}> {
  const child = spawn(
    process.execPath,
    lakeCommand(datasetFile, '--port', '0', '--compact-after', String(COMPACT_AFTER_BYTES)),
    {stdio: ['ignore', 'pipe', 'inherit']},
  )
  let output = ''
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    output += String(chunk)
    const match = /at (http:\/\/localhost:\d+)/.exec(output)
    if (match?.[1]) return {child, url: match[1]}
  }
  throw new Error(`The lake process ended before it listened: ${output}`)
}

interface Writer {
  /** Documents this writer created, acknowledged. */
  created: string[]
  /** The last acknowledged name of each filler document this writer renames. */
  renamed: Map<string, string>
  /** What was sent but not answered when the server died. */
  inFlight?: {create?: string; rename?: [string, string]}
}

let directory: Awaited<ReturnType<typeof temporaryDirectory>>

beforeAll(async () => {
  directory = await temporaryDirectory()
})

afterAll(async () => {
  await directory.remove()
})

describe('a crash during writes', () => {
  it.each([8, 40, 120])(
    'kill -9 after %i acknowledged transactions from four clients loses at most what was in flight, and corrupts nothing',
    async (killAfter) => {
      const datasetFile = join(directory.path, `crash-${killAfter}.ndjson`)
      await writeFile(datasetFile, toNdjson([TEAM, ...FILLER_DOCUMENTS]))
      const {child, url} = await startLakeProcess(datasetFile)
      const client = clientFor(url)
      const exited = once(child, 'exit')

      let acknowledged = 0
      let reachedKillPoint: () => void = () => undefined
      const killPoint = new Promise<void>((resolve) => (reachedKillPoint = resolve))
      const writers: Writer[] = Array.from({length: WRITERS}, () => ({
        created: [],
        renamed: new Map(),
      }))
      const writing = writers.map(async (writer, w) => {
        for (let n = 0; ; n++) {
          try {
            if (n % 2 === 0) {
              const id = `crash-team-${w}-${n}`
              writer.inFlight = {create: id}
              await client.create({_id: id, _type: 'team', name: `Team ${w}.${n}`})
              writer.created.push(id)
            } else {
              const target = `filler-${w * 100 + (n % 100)}`
              const name = `Renamed by ${w} at ${n}`
              writer.inFlight = {rename: [target, name]}
              await client.patch(target).set({name}).commit()
              writer.renamed.set(target, name)
            }
          } catch {
            return
          }
          writer.inFlight = undefined
          if (++acknowledged === killAfter) reachedKillPoint()
        }
      })
      await killPoint
      child.kill('SIGKILL')
      await exited
      await Promise.all(writing)

      // The snapshot alone is always a whole dataset file: never half written.
      expect(() => parseDatasetNdjson(readFileSync(datasetFile), datasetFile)).not.toThrow()
      // Every reader (export, query, the next start) sees every acknowledged transaction.
      const stored = readDatasetSync(datasetFile).documents
      for (const writer of writers) {
        for (const id of writer.created) expect(stored.has(id)).toBe(true)
        for (const [id, name] of writer.renamed) {
          const inFlight = writer.inFlight?.rename
          const allowed = inFlight?.[0] === id ? [name, inFlight[1]] : [name]
          expect(allowed).toContain(stored.get(id)?.name)
        }
      }
      const created = [...stored.keys()].filter((id) => id.startsWith('crash-team-'))
      const acknowledgedOrInFlight = new Set(
        writers.flatMap((writer) => [...writer.created, writer.inFlight?.create ?? []].flat()),
      )
      for (const id of created) expect(acknowledgedOrInFlight).toContain(id)
      expect(stored.size).toBe(FILLER_DOCUMENTS.length + 1 + created.length)

      // After the crash, the lake starts again on what is there and serves the same documents.
      const restarted = await startLake(datasetFile)
      try {
        expect(await clientFor(restarted.url).fetch('count(*)', {}, {perspective: 'raw'})).toBe(
          stored.size,
        )
      } finally {
        await restarted.close()
      }
      // Stopped, it has folded its log: the NDJSON file alone holds everything, and it is what
      // `sanity dataset import` takes (the same library imports it).
      expect(logGenerations(datasetFile)).toEqual([])
      const target = await startLake(join(directory.path, `imported-${killAfter}.ndjson`))
      try {
        await sanityImport(createReadStream(datasetFile), {client: clientFor(target.url)})
        expect(await clientFor(target.url).fetch('count(*)', {}, {perspective: 'raw'})).toBe(
          stored.size,
        )
      } finally {
        await target.close()
      }
    },
  )

  it('folds what a killed lake logged into the NDJSON file with --compact', async () => {
    const datasetFile = join(directory.path, 'compact.ndjson')
    await writeFile(datasetFile, toNdjson([TEAM]))
    const {child, url} = await startLakeProcess(datasetFile)
    const exited = once(child, 'exit')
    await clientFor(url).create({_id: 'team-after-crash', _type: 'team', name: 'Logged only'})
    child.kill('SIGKILL')
    await exited
    expect(parseDatasetNdjson(readFileSync(datasetFile), datasetFile).map(({_id}) => _id)).toEqual([
      TEAM._id,
    ])
    const {stdout} = await run(process.execPath, lakeCommand(datasetFile, '--compact'))
    expect(stdout).toContain('Folded 1 logged transactions')
    expect(logGenerations(datasetFile)).toEqual([])
    // Sorted by _id, as every snapshot is.
    expect(parseDatasetNdjson(readFileSync(datasetFile), datasetFile).map(({_id}) => _id)).toEqual([
      'team-after-crash',
      TEAM._id,
    ])
  })
})
