/**
 * `--to sanity` writes each document exactly once across a kill at any point, against the local
 * Content Lake, which refuses a reused transaction id as the real one does: at every step of every
 * batch in process, and with real SIGKILLs of the import command around a commit (a proxy holds
 * the request, kills the importer, then lets the commit through or not).
 */
import {type ChildProcess, spawn} from 'node:child_process'
import {once} from 'node:events'
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {createServer, request as httpRequest, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterEach, describe, expect, it} from 'vitest'

import {startContentLake, type RunningContentLake} from '../../lib/content-lake/server'
import {pushToContentLake, type PushPhase} from '../../lib/import/contentLake'
import type {ImportedDocument} from '../../lib/import'
import {clientFor} from '../content-lake/helpers'

const DOCUMENTS: ImportedDocument[] = Array.from({length: 12}, (_, index) => ({
  _id: `team-${String(index).padStart(2, '0')}`,
  _type: 'team',
  name: `Team ${index}`,
}))
const BATCH_SIZE = 4
const EXAMPLES = path.resolve(__dirname, '../../examples/content')

class Killed extends Error {}

let lake: RunningContentLake | undefined
afterEach(async () => {
  await lake?.close()
  lake = undefined
})

async function freshLake(): Promise<{lake: RunningContentLake; directory: string}> {
  const directory = mkdtempSync(path.join(tmpdir(), 'exactly-once-'))
  const datasetFile = path.join(directory, 'production.ndjson')
  writeFileSync(datasetFile, '')
  lake = await startContentLake({datasetFile, projectId: 'local', dataset: 'production', port: 0})
  return {lake, directory}
}

function push(
  target: RunningContentLake,
  journalFile: string,
  documents: readonly ImportedDocument[] = DOCUMENTS,
  onStep?: (step: {batch: number; phase: PushPhase}) => void,
) {
  return pushToContentLake(
    documents,
    {projectId: 'local', dataset: 'production', token: 'local', apiHost: target.url},
    {batchSize: BATCH_SIZE, baseDelayMs: 1, journalFile, onStep},
  )
}

/** The import's transactions that wrote each document, from the lake's own history. */
function importWrites(target: RunningContentLake, ids: readonly string[]): Map<string, string[]> {
  return new Map(
    ids.map((id) => [
      id,
      target.store
        .transactionsFor([id])
        .map((transaction) => transaction.id)
        .filter((transactionId) => transactionId.startsWith('hugo-import-')),
    ]),
  )
}

function expectWrittenOnce(target: RunningContentLake, documents: readonly ImportedDocument[]) {
  for (const [id, writes] of importWrites(
    target,
    documents.map(({_id}) => _id),
  ))
    expect({id, writes: writes.length}).toEqual({id, writes: 1})
  for (const document of documents)
    expect(target.store.get(document._id)).toMatchObject({name: document.name})
}

const PHASES: PushPhase[] = ['recorded', 'committed', 'journaled']
const KILL_POINTS = [0, 1, 2].flatMap((batch) => PHASES.map((phase) => [batch, phase] as const))

describe('a run killed at any step, then resumed', () => {
  it.each(KILL_POINTS)(
    'batch %i, %s: every document written exactly once',
    async (batch, phase) => {
      const {lake: target, directory} = await freshLake()
      const journalFile = path.join(directory, 'journal.json')
      const first = push(target, journalFile, DOCUMENTS, (step) => {
        if (step.batch === batch && step.phase === phase) throw new Killed()
      })
      await expect(first).rejects.toBeInstanceOf(Killed)
      const resumed = await push(target, journalFile)
      expect(resumed.batches).toBe(3)
      // Batches before the kill, and the one killed after the Content Lake committed it, are found
      // committed and not sent again.
      expect(resumed.resumed).toBe(phase === 'recorded' ? batch : batch + 1)
      expectWrittenOnce(target, DOCUMENTS)
      expect(existsSync(journalFile)).toBe(false)
    },
  )

  it('finds a committed batch in the history when editors changed all its documents since', async () => {
    const {lake: target, directory} = await freshLake()
    const journalFile = path.join(directory, 'journal.json')
    const first = push(target, journalFile, DOCUMENTS, (step) => {
      if (step.batch === 0 && step.phase === 'committed') throw new Killed()
    })
    await expect(first).rejects.toBeInstanceOf(Killed)
    const client = clientFor(target.url)
    for (const document of DOCUMENTS.slice(0, BATCH_SIZE))
      await client
        .patch(document._id)
        .set({name: `${document.name}, edited`})
        .commit()
    const resumed = await push(target, journalFile)
    expect(resumed.resumed).toBe(1)
    // Not sent again: the editors' changes stay.
    expect(target.store.get(DOCUMENTS[0]?._id ?? '')).toMatchObject({name: 'Team 0, edited'})
    expect(
      [
        ...importWrites(
          target,
          DOCUMENTS.map(({_id}) => _id),
        ).values(),
      ].every((writes) => writes.length === 1),
    ).toBe(true)
  })

  it('never sends a used transaction id with other content: a changed batch gets a new id', async () => {
    const {lake: target, directory} = await freshLake()
    const journalFile = path.join(directory, 'journal.json')
    const first = push(target, journalFile, DOCUMENTS, (step) => {
      if (step.batch === 0 && step.phase === 'committed') throw new Killed()
    })
    await expect(first).rejects.toBeInstanceOf(Killed)
    const changed = DOCUMENTS.map((document, index) =>
      index === 0 ? {...document, name: 'Team 0, renamed in the markdown'} : document,
    )
    const resumed = await push(target, journalFile, changed)
    expect(resumed.resumed).toBe(0)
    expect(target.store.get('team-00')).toMatchObject({name: 'Team 0, renamed in the markdown'})
    const firstBatchWrites = importWrites(target, ['team-00']).get('team-00') ?? []
    expect(firstBatchWrites).toHaveLength(2)
    expect(new Set(firstBatchWrites).size).toBe(2)
  })
})

/** Forwards to the lake; on the chosen mutate request, kills the importer around the commit. */
class KillingProxy {
  private server: Server | undefined
  private mutateRequests = 0
  child: ChildProcess | undefined

  constructor(
    private readonly lakeUrl: string,
    private readonly killAt: {request: number; when: 'before-commit' | 'after-commit'} | undefined,
  ) {}

  async start(): Promise<string> {
    const target = new URL(this.lakeUrl)
    this.server = createServer((incoming, outgoing) => {
      const isMutate = incoming.method === 'POST' && incoming.url?.includes('/data/mutate/')
      const kill =
        isMutate && ++this.mutateRequests === this.killAt?.request ? this.killAt.when : undefined
      const killChild = async () => {
        const exited = once(this.child as ChildProcess, 'exit')
        this.child?.kill('SIGKILL')
        await exited
        incoming.socket.destroy()
      }
      const body: Buffer[] = []
      incoming.on('data', (chunk: Buffer) => body.push(chunk))
      incoming.on('end', () => {
        if (kill === 'before-commit') return void killChild()
        const forwarded = httpRequest(
          {
            host: '127.0.0.1',
            port: target.port,
            path: incoming.url,
            method: incoming.method,
            headers: {...incoming.headers, host: target.host},
          },
          (answer) => {
            const chunks: Buffer[] = []
            answer.on('data', (chunk: Buffer) => chunks.push(chunk))
            answer.on('end', () => {
              // The lake has committed and answered; the importer dies before it hears so.
              if (kill === 'after-commit') return void killChild()
              outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
              outgoing.end(Buffer.concat(chunks))
            })
          },
        )
        forwarded.end(Buffer.concat(body))
      })
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }
}

async function runImportCommand(
  apiHost: string,
  journalFile: string,
  proxy: KillingProxy,
): Promise<{code: number | null; signal: NodeJS.Signals | null}> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/import.ts',
      EXAMPLES,
      '--to',
      'sanity',
      '--batch-size',
      String(BATCH_SIZE),
      '--journal',
      journalFile,
      '--no-validate',
    ],
    {
      stdio: 'ignore',
      env: {
        ...process.env,
        SANITY_PROJECT_ID: 'local',
        SANITY_DATASET: 'production',
        SANITY_API_TOKEN: 'local-development',
        SANITY_API_HOST: apiHost,
      },
    },
  )
  proxy.child = child
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null]
  return {code, signal}
}

describe('the import command killed with SIGKILL around a commit, then run again', () => {
  it.each(['before-commit', 'after-commit'] as const)(
    '%s of the third transaction: every document written exactly once',
    async (when) => {
      const {lake: target, directory} = await freshLake()
      const journalFile = path.join(directory, 'journal.json')
      const killing = new KillingProxy(target.url, {request: 3, when})
      const first = await runImportCommand(await killing.start(), journalFile, killing)
      await killing.stop()
      expect(first.signal).toBe('SIGKILL')
      expect(existsSync(journalFile)).toBe(true)
      const passing = new KillingProxy(target.url, undefined)
      const second = await runImportCommand(await passing.start(), journalFile, passing)
      await passing.stop()
      expect(second.code).toBe(0)
      const imported = [...target.store.all()].filter((document) => !document._id.startsWith('_'))
      expect(imported.length).toBeGreaterThan(2 * BATCH_SIZE)
      for (const [id, writes] of importWrites(
        target,
        imported.map(({_id}) => _id),
      ))
        expect({id, writes: writes.length}).toEqual({id, writes: 1})
      expect(existsSync(journalFile)).toBe(false)
    },
  )
})
