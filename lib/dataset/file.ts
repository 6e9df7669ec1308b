import {statSync} from 'node:fs'

import {readNdjson} from '../import/ndjson'
import {createLocalDataset, type LocalDatasetOptions} from './local'
import type {CareersDataset} from './types'

/**
 * Open an NDJSON dataset file (the import's output, or `sanity dataset export`) as the local
 * backend. A bad line fails with its file and line number (see readNdjson).
 */
export function openDatasetFile(
  path: string,
  options: Omit<LocalDatasetOptions, 'description'> = {},
): CareersDataset {
  // The file's modification time stands in for documents that carry no timestamps of their own.
  const storedAt = statSync(path).mtime
  return createLocalDataset(readNdjson(path), {storedAt, ...options, description: path})
}
