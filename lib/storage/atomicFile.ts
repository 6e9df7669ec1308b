import {closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync} from 'node:fs'
import {open, rename, rm} from 'node:fs/promises'
import path from 'node:path'

/**
 * Files are replaced the way databases do it: write a temporary file beside the target, flush it
 * to disk, rename it over the target and flush the directory, so a crash at any point leaves the
 * old file or the new one whole, and the rename itself survives a power cut.
 *
 * The temporary file carries the writer's process id (`<file>.<pid>.tmp`). A process killed with
 * SIGKILL cannot clean up after itself; the next writer or reader of the file removes what dead
 * processes left (removeStaleTemporaryFiles). SIGINT, SIGTERM and SIGHUP during an asynchronous
 * write remove the temporary file before the process ends.
 */
export function temporaryPathFor(file: string): string {
  return `${file}.${process.pid}.tmp`
}

/** Whether a process with this id runs (a dead writer's files can be cleaned up). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes the temporary files of `file` whose writer is no longer running; returns their paths. */
export function removeStaleTemporaryFiles(file: string): string[] {
  const directory = path.dirname(file)
  const prefix = `${path.basename(file)}.`
  let names: string[]
  try {
    names = readdirSync(directory)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const removed: string[] = []
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue
    const pid = Number(name.slice(prefix.length, -'.tmp'.length))
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue
    rmSync(path.join(directory, name), {force: true})
    removed.push(path.join(directory, name))
  }
  return removed
}

/** Flushes a directory's entries (a rename, a new or deleted file) to disk. */
export function syncDirectory(directory: string): void {
  const fd = openSync(directory, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Writes all of `bytes` at the file's current position: write(2) may write less than asked. */
export function writeFully(fd: number, bytes: Uint8Array): void {
  let written = 0
  while (written < bytes.length) written += writeSync(fd, bytes, written)
}

/** Replaces `file` with what `write` writes to the descriptor it is given. */
export function writeFileAtomicSync(file: string, write: (fd: number) => void): void {
  const temporary = temporaryPathFor(file)
  try {
    const fd = openSync(temporary, 'w')
    try {
      write(fd)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw error
  }
  syncDirectory(path.dirname(path.resolve(file)))
}

const CLEANUP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
const unfinished = new Set<string>()

function removeUnfinishedAndStop(signal: NodeJS.Signals): void {
  for (const file of unfinished) rmSync(file, {force: true})
  unfinished.clear()
  for (const name of CLEANUP_SIGNALS) process.removeListener(name, removeUnfinishedAndStop)
  // Nobody else listens: end the process the way the signal would have without us.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
}

function track(temporary: string): void {
  if (unfinished.size === 0)
    for (const name of CLEANUP_SIGNALS) process.on(name, removeUnfinishedAndStop)
  unfinished.add(temporary)
}

function untrack(temporary: string): void {
  unfinished.delete(temporary)
  if (unfinished.size === 0)
    for (const name of CLEANUP_SIGNALS) process.removeListener(name, removeUnfinishedAndStop)
}

/** Lines are gathered into writes of about this size. */
const WRITE_CHUNK_BYTES = 1024 * 1024

/**
 * Replaces `file` with `lines`, asynchronously: the event loop keeps running, so a signal that
 * stops the process removes the temporary file first.
 */
export async function writeLinesAtomic(file: string, lines: Iterable<string>): Promise<void> {
  const temporary = temporaryPathFor(file)
  track(temporary)
  try {
    const handle = await open(temporary, 'w')
    try {
      let pending: string[] = []
      let pendingBytes = 0
      const flush = async () => {
        const bytes = Buffer.from(pending.join(''))
        let written = 0
        while (written < bytes.length) written += (await handle.write(bytes, written)).bytesWritten
        pending = []
        pendingBytes = 0
      }
      for (const line of lines) {
        pending.push(line)
        pendingBytes += line.length
        if (pendingBytes >= WRITE_CHUNK_BYTES) await flush()
      }
      await flush()
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  } finally {
    untrack(temporary)
  }
  syncDirectory(path.dirname(path.resolve(file)))
}
