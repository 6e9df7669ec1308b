import {mkdirSync} from 'node:fs'
import path from 'node:path'

import {removeStaleTemporaryFiles, writeLinesAtomic} from './atomicFile'
import {compactDatasetSync} from './compact'
import {lockDataset} from './lock'
import type {StoredDocument} from './ndjson'
import {readDatasetSync} from './read'

function* lines(documents: readonly StoredDocument[]): Generator<string> {
  for (const document of documents) yield `${JSON.stringify(document)}\n`
}

/**
 * Replaces a dataset with what `update` makes of its current documents (undefined when there is
 * no dataset yet), in the order given: what an import does. The dataset is locked from the read to
 * the write, and refused while another process owns it (DatasetInUseError): the local Content
 * Lake serving it would go on from the old documents. A log left by a crashed lake is folded into
 * the old snapshot first; replaying it over the new one would undo the import where it overlaps.
 */
export async function replaceDatasetFile(
  file: string,
  update: (current: StoredDocument[] | undefined) => readonly StoredDocument[],
  owner = 'an import',
): Promise<void> {
  mkdirSync(path.dirname(path.resolve(file)), {recursive: true})
  const release = lockDataset(file, owner)
  try {
    removeStaleTemporaryFiles(file)
    compactDatasetSync(file)
    const current = readDatasetSync(file)
    const documents = update(current.exists ? [...current.documents.values()] : undefined)
    await writeLinesAtomic(file, lines(documents))
  } finally {
    release()
  }
}
