import {readFile} from 'node:fs/promises'

import {createLocalDataset, type LocalDatasetOptions} from './local'
import type {StoredDocument} from './perspective'
import type {CareersDataset} from './types'

/**
 * Read an NDJSON dataset (one document per line, as `sanity dataset export` writes it) and open it
 * as the local backend. A bad line fails with its file and line number.
 */
export async function openDatasetFile(
  path: string,
  options: Omit<LocalDatasetOptions, 'description'> = {},
): Promise<CareersDataset> {
  const text = await readFile(path, 'utf8')
  return createLocalDataset(parseNdjsonDocuments(text, path), {...options, description: path})
}

export function parseNdjsonDocuments(text: string, fileName: string): StoredDocument[] {
  const documents: StoredDocument[] = []
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new Error(`${fileName}:${index + 1}: not valid JSON (${(error as Error).message})`, {
        cause: error,
      })
    }
    if (!isStoredDocument(value)) {
      throw new Error(`${fileName}:${index + 1}: a document needs a string _id and _type`)
    }
    documents.push(value)
  })
  return documents
}

function isStoredDocument(value: unknown): value is StoredDocument {
  const doc = value as Partial<StoredDocument> | null
  return (
    typeof doc === 'object' &&
    doc !== null &&
    typeof doc._id === 'string' &&
    typeof doc._type === 'string'
  )
}
