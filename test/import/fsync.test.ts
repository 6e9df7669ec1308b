/**
 * Atomic writes flush before they rename, and flush the directory after: without the first, a
 * power cut can leave the new name on an empty file; without the second, the old file back.
 * The file system calls are recorded in order (node:fs and node:fs/promises, wrapped).
 */
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {describe, expect, it, vi} from 'vitest'

const calls: string[] = []
const named = new Map<number, string>()
const label = (file: unknown) => path.basename(String(file)).replace(/\.\d+\.tmp$/, '.<pid>.tmp')

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  return {
    ...fs,
    openSync: (file: string, ...rest: unknown[]) => {
      const fd = (fs.openSync as (...args: unknown[]) => number)(file, ...rest)
      named.set(fd, label(file))
      return fd
    },
    fsyncSync: (fd: number) => {
      calls.push(`fsync ${named.get(fd)}`)
      fs.fsyncSync(fd)
    },
    renameSync: (from: string, to: string) => {
      calls.push(`rename ${label(from)} -> ${label(to)}`)
      fs.renameSync(from, to)
    },
  }
})

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...fs,
    open: async (file: string, flags: string) => {
      const handle = await fs.open(file, flags)
      const sync = handle.sync.bind(handle)
      handle.sync = async () => {
        calls.push(`fsync ${label(file)}`)
        await sync()
      }
      return handle
    },
    rename: async (from: string, to: string) => {
      calls.push(`rename ${label(from)} -> ${label(to)}`)
      await fs.rename(from, to)
    },
  }
})

const {writeNdjsonAtomic} = await import('../../lib/import/ndjson')
const {replaceDatasetFile} = await import('../../lib/storage')

const DOCUMENTS = [{_id: 'team-a', _type: 'team', name: 'A'}]

describe('atomic writes', () => {
  it.each([
    [
      'writeNdjsonAtomic (journals, small files)',
      (file: string) => writeNdjsonAtomic(file, DOCUMENTS),
    ],
    [
      'replaceDatasetFile (the import)',
      (file: string) => replaceDatasetFile(file, () => DOCUMENTS),
    ],
  ])('%s: fsync the file, rename, fsync the directory', async (_name, write) => {
    const directory = mkdtempSync(path.join(tmpdir(), 'fsync-'))
    const file = path.join(directory, 'dataset.ndjson')
    calls.length = 0
    await write(file)
    const directoryName = path.basename(directory)
    const order = calls.filter((call) => !call.includes('.lock'))
    expect(order).toEqual([
      'fsync dataset.ndjson.<pid>.tmp',
      'rename dataset.ndjson.<pid>.tmp -> dataset.ndjson',
      `fsync ${directoryName}`,
    ])
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(DOCUMENTS[0])
  })
})
