/**
 * Writing the dataset never loses it: an import that read nothing writes nothing, a killed import
 * leaves the old file whole (and no temporary file, once anything runs again), a dataset the
 * local Content Lake serves is not written under it, and a crashed lake's log is folded in first.
 */
import {type ChildProcess, spawn} from 'node:child_process'
import {once} from 'node:events'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  watch,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {generateCorpus} from '../../bench/generate'
import {startContentLake} from '../../lib/content-lake/server'
import {runImportCli} from '../../lib/import/cli'
import {logGenerations, logPath, readDatasetSync} from '../../lib/storage'
import {encodeLogHeader, encodeRecord} from '../../lib/storage/log'

const EXAMPLES = path.resolve(__dirname, '../../examples/content')
const PREVIOUS = [{_id: 'team-kept', _type: 'team', name: 'Kept from before'}]

function quietIo() {
  let stderr = ''
  return {
    io: {
      stdout: () => undefined,
      stderr: (text: string) => void (stderr += text),
      env: {},
      interactive: false,
    },
    stderr: () => stderr,
  }
}

function existingDataset(): {directory: string; out: string; bytes: Buffer} {
  const directory = mkdtempSync(path.join(tmpdir(), 'import-safety-'))
  const out = path.join(directory, 'production.ndjson')
  writeFileSync(out, PREVIOUS.map((document) => `${JSON.stringify(document)}\n`).join(''))
  return {directory, out, bytes: readFileSync(out)}
}

describe('an import that cannot read what it was given writes nothing', () => {
  it.each([
    [
      'a mistyped path',
      (directory: string) => [path.join(directory, 'content/carreer')],
      /No such file or directory/,
    ],
    [
      'an empty directory',
      (directory: string) => {
        mkdirSync(path.join(directory, 'empty'))
        return [path.join(directory, 'empty')]
      },
      /holds no markdown/,
    ],
    [
      'a good directory and a mistyped one',
      (directory: string) => [EXAMPLES, path.join(directory, 'no-such-dir')],
      /No such file or directory/,
    ],
  ])('%s: exit 1, a clear error, the dataset untouched', async (_case, paths, message) => {
    const {directory, out, bytes} = existingDataset()
    const {io, stderr} = quietIo()
    expect(await runImportCli([...paths(directory), '--out', out, '--no-validate'], io)).toBe(1)
    expect(stderr()).toMatch(message)
    expect(stderr()).toContain('Nothing was written')
    expect(readFileSync(out)).toEqual(bytes)
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('when every file failed: exit 1, the dataset untouched', async () => {
    const {directory, out, bytes} = existingDataset()
    const broken = path.join(directory, 'content', 'career')
    mkdirSync(broken, {recursive: true})
    writeFileSync(path.join(broken, 'broken.md'), '---\ntitle: [unclosed\n---\n')
    const {io, stderr} = quietIo()
    expect(await runImportCli([broken, '--out', out, '--no-validate'], io)).toBe(1)
    expect(stderr()).toContain('no file could be imported')
    expect(readFileSync(out)).toEqual(bytes)
  })
})

describe('the local Content Lake and the import', () => {
  it('refuses to write a dataset the lake is serving, and says how to import into it', async () => {
    const {out, bytes} = existingDataset()
    const lake = await startContentLake({
      datasetFile: out,
      projectId: 'local',
      dataset: 'production',
      port: 0,
    })
    try {
      const {io, stderr} = quietIo()
      expect(await runImportCli([EXAMPLES, '--out', out, '--no-validate'], io)).toBe(1)
      expect(stderr()).toContain('is in use by the local Content Lake')
      expect(stderr()).toContain('--to sanity')
    } finally {
      await lake.close()
    }
    expect(readFileSync(out)).toEqual(bytes)
  })

  it("folds a crashed lake's log first, so it cannot replay over the import", async () => {
    const {out} = existingDataset()
    // What a lake killed after an edit leaves: the snapshot, and a log holding the edit.
    writeFileSync(
      logPath(out, 1),
      encodeLogHeader({generation: 1, firstSeq: 1}) +
        encodeRecord({
          seq: 1,
          id: 'tx-studio-edit',
          timestamp: '2026-12-01T10:00:00.000Z',
          author: 'local-admin',
          put: [{_id: 'team-kept', _type: 'team', name: 'Edited in the Studio'}],
          deleted: [],
        }),
    )
    const {io} = quietIo()
    expect(await runImportCli([EXAMPLES, '--out', out, '--no-validate'], io)).toBe(0)
    expect(logGenerations(out)).toEqual([])
    const written = readDatasetSync(out).documents
    expect(written.has('team-kept')).toBe(false)
    expect([...written.values()].some((document) => document._type === 'posting')).toBe(true)
  })
})

describe('a killed import', () => {
  let corpus: string
  let workDirectory: string

  beforeAll(() => {
    workDirectory = mkdtempSync(path.join(tmpdir(), 'import-kill-'))
    // Large enough that writing the dataset takes a while: the kill lands in the middle of it.
    corpus = generateCorpus({
      postings: 2000,
      outDir: path.join(workDirectory, 'corpus'),
      sources: [EXAMPLES],
    }).contentDir
  })

  afterAll(() => rmSync(workDirectory, {recursive: true, force: true}))

  /** Runs the import and freezes it (SIGSTOP) the moment its temporary file appears. */
  async function importFrozenMidWrite(
    out: string,
  ): Promise<{child: ChildProcess; temporary: string}> {
    const directory = path.dirname(out)
    const watcher = watch(directory)
    const appeared = new Promise<string>((resolve) =>
      watcher.on('change', (_event, name) => {
        const file = String(name)
        if (file.startsWith(`${path.basename(out)}.`) && file.endsWith('.tmp')) resolve(file)
      }),
    )
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', corpus, '--out', out, '--no-validate'],
      {stdio: 'ignore'},
    )
    const name = await appeared
    child.kill('SIGSTOP')
    watcher.close()
    const temporary = path.join(directory, name)
    // The precondition of the test: the import is frozen while its temporary file is there.
    expect(existsSync(temporary)).toBe(true)
    return {child, temporary}
  }

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'by %s while writing removes its temporary file and leaves the old dataset',
    async (signal) => {
      const {out, bytes} = existingDataset()
      const {child, temporary} = await importFrozenMidWrite(out)
      const exited = once(child, 'exit')
      child.kill(signal)
      child.kill('SIGCONT')
      const [code, received] = (await exited) as [number | null, NodeJS.Signals | null]
      expect(received ?? code).toBe(signal)
      expect(existsSync(temporary)).toBe(false)
      expect(readFileSync(out)).toEqual(bytes)
    },
  )

  it('by SIGKILL while writing leaves the old dataset whole; the next import removes the leftover', async () => {
    const {directory, out, bytes} = existingDataset()
    const {child, temporary} = await importFrozenMidWrite(out)
    const exited = once(child, 'exit')
    child.kill('SIGKILL')
    await exited
    expect(readFileSync(out)).toEqual(bytes)
    expect(existsSync(temporary)).toBe(true)
    const {io} = quietIo()
    expect(await runImportCli([EXAMPLES, '--out', out, '--no-validate'], io)).toBe(0)
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
