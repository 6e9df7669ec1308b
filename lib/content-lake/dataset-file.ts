import {open, readFile, rename, rm} from 'node:fs/promises'
import {dirname} from 'node:path'

import type {SanityDocument} from '@sanity/client'

/**
 * Reads an NDJSON dataset file (the format `sanity dataset export` writes and `sanity dataset
 * import` takes). A missing file is an empty dataset; a broken line is an error naming file and line.
 */
export async function readDatasetFile(file: string): Promise<SanityDocument[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const documents: SanityDocument[] = []
  const seen = new Set<string>()
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue
    const where = `${file}:${index + 1}`
    let document: unknown
    try {
      document = JSON.parse(line)
    } catch (error) {
      throw new Error(`${where}: not a JSON document (${(error as Error).message})`, {cause: error})
    }
    if (!isStoredDocument(document)) {
      throw new Error(`${where}: a document needs a string "_id" and "_type"`)
    }
    if (seen.has(document._id)) throw new Error(`${where}: "${document._id}" appears twice`)
    seen.add(document._id)
    documents.push(document)
  }
  return documents
}

function isStoredDocument(value: unknown): value is SanityDocument {
  const record = value as Record<string, unknown> | null
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record._id === 'string' &&
    typeof record._type === 'string'
  )
}

/** The temporary file a rewrite goes through; a crash can leave it behind, never half a dataset. */
export function temporaryFileOf(file: string): string {
  return `${file}.tmp`
}

/**
 * Replaces the dataset file atomically: write a temporary file beside it, flush it to disk, rename
 * it over the old one and flush the directory. A crash at any point leaves either the old or the
 * new file whole, so the file stays importable.
 */
export async function writeDatasetFile(
  file: string,
  documents: Iterable<SanityDocument>,
): Promise<void> {
  const temporary = temporaryFileOf(file)
  const sorted = [...documents].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
  const handle = await open(temporary, 'w')
  try {
    await handle.writeFile(sorted.map((document) => `${JSON.stringify(document)}\n`).join(''))
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temporary, file)
  const directory = await open(dirname(file), 'r')
  try {
    await directory.sync()
  } finally {
    await directory.close()
  }
}

/** Removes what an interrupted rewrite left behind. */
export async function removeInterruptedWrite(file: string): Promise<void> {
  await rm(temporaryFileOf(file), {force: true})
}
