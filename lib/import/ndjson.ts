import {mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

import {writeFileAtomicSync, writeFully} from '../storage/atomicFile'
import {parseDatasetNdjson} from '../storage/ndjson'
import type {ImportedDocument} from './types'

/** One document per line, the format `sanity dataset import` reads. */
export function toNdjson(documents: readonly ImportedDocument[]): string {
  return (
    documents.map((document) => JSON.stringify(document)).join('\n') +
    (documents.length > 0 ? '\n' : '')
  )
}

/**
 * Write an NDJSON file so readers see either the old file or the complete new one, durably (see
 * lib/storage/atomicFile). Documents are written one line at a time, never joined into one string
 * as large as the dataset. For the local dataset itself use replaceDatasetFile, which also
 * respects the local Content Lake's lock and log.
 */
export function writeNdjsonAtomic(file: string, documents: readonly ImportedDocument[]): void {
  mkdirSync(path.dirname(path.resolve(file)), {recursive: true})
  writeFileAtomicSync(file, (fd) => {
    for (const document of documents) writeFully(fd, Buffer.from(`${JSON.stringify(document)}\n`))
  })
}

export function writeJsonAtomic(file: string, value: unknown): void {
  mkdirSync(path.dirname(path.resolve(file)), {recursive: true})
  writeFileAtomicSync(file, (fd) =>
    writeFully(fd, Buffer.from(`${JSON.stringify(value, null, 2)}\n`)),
  )
}

/** Read an NDJSON file of documents; a line that is not a document is an error naming the line. */
export function readNdjson(file: string): ImportedDocument[] {
  return parseDatasetNdjson(readFileSync(file), file)
}
