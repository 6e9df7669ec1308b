import {closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync} from 'node:fs'
import path from 'node:path'

import type {ImportedDocument} from './types'

/** One document per line, the format `sanity dataset import` reads. */
export function toNdjson(documents: readonly ImportedDocument[]): string {
  return (
    documents.map((document) => JSON.stringify(document)).join('\n') +
    (documents.length > 0 ? '\n' : '')
  )
}

/**
 * Write the dataset so readers see either the old file or the complete new one: write a
 * temporary file beside it, then rename (atomic on the same file system). Documents are written
 * one line at a time, never joined into one string as large as the dataset.
 */
export function writeNdjsonAtomic(file: string, documents: readonly ImportedDocument[]): void {
  writeAtomic(file, (fd) => {
    for (const document of documents) writeSync(fd, `${JSON.stringify(document)}\n`)
  })
}

export function writeJsonAtomic(file: string, value: unknown): void {
  writeAtomic(file, (fd) => writeSync(fd, `${JSON.stringify(value, null, 2)}\n`))
}

function writeAtomic(file: string, write: (fd: number) => void): void {
  mkdirSync(path.dirname(path.resolve(file)), {recursive: true})
  const temporary = `${file}.${process.pid}.tmp`
  try {
    const fd = openSync(temporary, 'w')
    try {
      write(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw error
  }
}

/** Read an NDJSON dataset; a line that is not a document is an error naming the line. */
export function readNdjson(file: string): ImportedDocument[] {
  const lines = readFileSync(file, 'utf8').split('\n')
  const documents: ImportedDocument[] = []
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new Error(`${file}:${index + 1}: not a JSON document.`)
    }
    if (
      !value ||
      typeof value !== 'object' ||
      typeof (value as ImportedDocument)._id !== 'string' ||
      typeof (value as ImportedDocument)._type !== 'string'
    ) {
      throw new Error(`${file}:${index + 1}: a document needs a string _id and _type.`)
    }
    documents.push(value as ImportedDocument)
  })
  return documents
}
