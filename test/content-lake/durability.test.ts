import {spawn} from 'node:child_process'
import {createReadStream} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {once} from 'node:events'

import {sanityImport} from '@sanity/import'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {readDatasetFile} from '../../lib/content-lake/dataset-file'
import {TEAM, toNdjson} from './fixtures'
import {clientFor, startLake, temporaryDirectory} from './helpers'

/** Enough content that each atomic rewrite takes a while, so the kill can land mid-write. */
const FILLER_DOCUMENTS = Array.from({length: 2000}, (_, index) => ({
  _id: `filler-${index}`,
  _type: 'team',
  name: `Filler team ${index}`,
  description: 'A fictional team that only exists to make the dataset file big. '.repeat(8),
}))

/** Starts `npm run lake` as its own process, so the test can kill it like a crash would. */
async function startLakeProcess(datasetFile: string) {
  // Node itself with tsx as a loader, not the tsx command: that one runs the server in a child
  // process, which a SIGKILL of the command leaves running (and holding the test's pipes open).
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/content-lake.ts', '--file', datasetFile, '--port', '0'],
    {stdio: ['ignore', 'pipe', 'inherit']},
  )
  let output = ''
  for await (const chunk of child.stdout) {
    output += String(chunk)
    const match = /at (http:\/\/localhost:\d+)/.exec(output)
    if (match?.[1]) return {child, url: match[1]}
  }
  throw new Error(`The lake process ended before it listened: ${output}`)
}

let directory: Awaited<ReturnType<typeof temporaryDirectory>>

beforeAll(async () => {
  directory = await temporaryDirectory()
})

afterAll(async () => {
  await directory.remove()
})

describe('a crash during writes', () => {
  it.each([5, 15, 40])(
    'kill -9 after %i ms of writing loses at most the transaction in flight, and the file imports',
    async (killAfterMs) => {
      const datasetFile = join(directory.path, `crash-${killAfterMs}.ndjson`)
      await writeFile(datasetFile, toNdjson([TEAM, ...FILLER_DOCUMENTS]))
      const {child, url} = await startLakeProcess(datasetFile)
      const client = clientFor(url)

      const acknowledged: string[] = []
      let inFlight: string | undefined
      let killed = false
      const exited = once(child, 'exit')
      const writer = (async () => {
        for (let index = 0; !killed; index++) {
          inFlight = `crash-team-${index}`
          try {
            await client.create({_id: inFlight, _type: 'team', name: `Team ${index}`})
          } catch {
            return
          }
          acknowledged.push(inFlight)
        }
      })()
      // Let a few transactions commit (however slow the machine), then crash the server while
      // the next ones are being written.
      await expect.poll(() => acknowledged.length, {timeout: 60_000}).toBeGreaterThanOrEqual(3)
      await new Promise((resolve) => setTimeout(resolve, killAfterMs))
      killed = true
      child.kill('SIGKILL')
      await exited
      await writer

      const stored = await readDatasetFile(datasetFile)
      const storedIds = new Set(stored.map(({_id}) => _id))
      for (const id of acknowledged) expect(storedIds).toContain(id)
      const written = [...storedIds].filter((id) => id.startsWith('crash-team-'))
      const unacknowledged = written.filter((id) => !acknowledged.includes(id))
      expect(unacknowledged.every((id) => id === inFlight)).toBe(true)
      expect(storedIds.size).toBe(FILLER_DOCUMENTS.length + 1 + written.length)

      // The file is what `sanity dataset import` takes: import it with the same library.
      const target = await startLake(join(directory.path, `imported-${killAfterMs}.ndjson`))
      try {
        await sanityImport(createReadStream(datasetFile), {client: clientFor(target.url)})
        expect(await clientFor(target.url).fetch('count(*)', {}, {perspective: 'raw'})).toBe(
          storedIds.size,
        )
      } finally {
        await target.close()
      }
    },
  )
})
