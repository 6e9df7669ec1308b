import {closeSync, fsyncSync, openSync, readFileSync, rmSync} from 'node:fs'

import {isRunning, writeFully} from './atomicFile'
import {lockPath} from './files'

/** Two writers on one dataset would overwrite each other's log and snapshot. */
export class DatasetInUseError extends Error {
  constructor(
    readonly file: string,
    readonly holder: LockHolder,
  ) {
    super(
      `${file} is in use by ${holder.owner} (process ${holder.pid}): stop it first, then try again.`,
    )
    this.name = 'DatasetInUseError'
  }
}

export interface LockHolder {
  pid: number
  /** Who holds it, for the message: "the local Content Lake", "an import". */
  owner: string
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(lockPath(file), 'utf8')) as Partial<LockHolder>
    return typeof holder.pid === 'number'
      ? {pid: holder.pid, owner: holder.owner ?? 'another process'}
      : undefined
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    // A lock file cut short by a crash: nobody can be holding it.
    if (error instanceof SyntaxError) return undefined
    throw error
  }
}

/** The running process that owns the dataset, if any (a lock left by a dead one does not count). */
export function datasetHolder(file: string): LockHolder | undefined {
  const holder = readHolder(file)
  return holder && isRunning(holder.pid) ? holder : undefined
}

/**
 * Takes the dataset for this process, or throws DatasetInUseError naming who has it. A lock left
 * by a process that no longer runs (killed) is taken over. Returns the function that releases it.
 */
export function lockDataset(file: string, owner: string): () => void {
  const path = lockPath(file)
  for (let attempt = 1; ; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      try {
        writeFully(fd, Buffer.from(JSON.stringify({pid: process.pid, owner})))
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      return () => rmSync(path, {force: true})
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 1) {
        const holder = readHolder(file)
        if (holder) throw new DatasetInUseError(file, holder)
        throw error
      }
      const holder = datasetHolder(file)
      if (holder) throw new DatasetInUseError(file, holder)
      // Stale: whoever removes it first and creates it again wins; the other sees EEXIST again.
      rmSync(path, {force: true})
    }
  }
}
