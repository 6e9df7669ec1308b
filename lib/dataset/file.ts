import {readDatasetSync} from '../storage'
import {createLocalDataset, type LocalDatasetOptions} from './local'
import type {CareersDataset} from './types'

/**
 * Open a local NDJSON dataset (the import's output, `sanity dataset export`, or the file the local
 * Content Lake serves) as the local backend. It reads what the lake committed even while the lake
 * runs: the snapshot and the transaction log beside it (lib/storage). A bad line fails with its
 * file and line number.
 */
export function openDatasetFile(
  path: string,
  options: Omit<LocalDatasetOptions, 'description'> = {},
): CareersDataset {
  const contents = readDatasetSync(path)
  if (!contents.exists) throw new Error(`No dataset at ${path}: import one first (npm run import).`)
  return createLocalDataset([...contents.documents.values()], {
    // Documents without timestamps of their own get the snapshot's.
    storedAt: contents.snapshotWrittenAt,
    ...options,
    description: path,
  })
}
