/**
 * The real postings (../shared/corpus) and our example postings, imported the way `npm run import`
 * does, as a local dataset. Delivery tests run on this, not on hand-made copies.
 */
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

import {createLocalDataset, type CareersDataset, type StoredDocument} from '../../lib/dataset'
import {importHugoContent} from '../../lib/import'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
export const CORPUS_CONTENT_DIR = `${repoRoot}../shared/corpus/content`
export const EXAMPLE_CONTENT_DIR = `${repoRoot}examples/content`

/** "Now" for corpus tests: fixed, so postings do not expire while the suite is being written. */
export const CORPUS_NOW = new Date('2026-06-01T12:00:00Z')
export const CORPUS_STORED_AT = new Date('2026-05-01T08:00:00Z')

export interface ImportedCorpus {
  documents: StoredDocument[]
  dataset: CareersDataset
}

export async function importCorpus(): Promise<ImportedCorpus> {
  const paths = [
    CORPUS_CONTENT_DIR,
    ...(existsSync(EXAMPLE_CONTENT_DIR) ? [EXAMPLE_CONTENT_DIR] : []),
  ]
  // Schema validation is the import's own concern and has its own tests; it is slow to repeat here.
  const {documents} = await importHugoContent({paths, validate: false})
  return {
    documents,
    dataset: createLocalDataset(documents, {now: () => CORPUS_NOW, storedAt: CORPUS_STORED_AT}),
  }
}

export const isDraft = (doc: StoredDocument) => doc._id.startsWith('drafts.')
export const postingsOf = (documents: readonly StoredDocument[]) =>
  documents.filter((doc) => doc._type === 'posting')
export const slugOf = (doc: StoredDocument) => (doc.slug as {current?: string} | undefined)?.current
