import {existsSync, readdirSync} from 'node:fs'
import path from 'node:path'

/**
 * The files of one local dataset, all beside the NDJSON snapshot `<file>`:
 *
 * - `<file>`: the snapshot, sorted by `_id`, what `sanity dataset import` takes;
 * - `<file>.log.<generation>`: the transaction log, committed transactions since the snapshot,
 *   in generations that compaction folds into the snapshot one after another;
 * - `<file>.transactions`: the ids, times, authors and documents of transactions already folded
 *   into the snapshot (transaction ids are unique in a dataset for ever, and the history API
 *   answers from it);
 * - `<file>.lock`: present while a process (the local Content Lake, an import) owns the dataset.
 */
export function logPath(file: string, generation: number): string {
  return `${file}.log.${generation}`
}

export function historyPath(file: string): string {
  return `${file}.transactions`
}

export function lockPath(file: string): string {
  return `${file}.lock`
}

/** The log generations present for `file`, oldest first. */
export function logGenerations(file: string): number[] {
  const prefix = `${path.basename(file)}.log.`
  let names: string[]
  try {
    names = readdirSync(path.dirname(file))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return names
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => Number(name.slice(prefix.length)))
    .sort((a, b) => a - b)
}

/** Whether anything was ever written to the dataset (a snapshot, or a log without one yet). */
export function datasetExists(file: string): boolean {
  return existsSync(file) || logGenerations(file).length > 0
}
