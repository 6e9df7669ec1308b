import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'

import type {ImportIssue} from './types'

/** Postings are a few kB; anything this big is not a posting someone wrote by hand. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024

export interface MarkdownFile {
  /** Absolute path on disk. */
  absolute: string
  /** Path relative to the content directory, with forward slashes (`career/cfo.md`). */
  relative: string
  /** The folder `relative` is relative to: the site's content/ when the file lives in one. */
  contentRoot: string
}

/** The markdown files under the given paths, sorted, and an error for each path that has none. */
export function collectMarkdownFiles(paths: readonly string[]): {
  files: MarkdownFile[]
  issues: ImportIssue[]
} {
  const files = new Map<string, MarkdownFile>()
  const issues: ImportIssue[] = []
  for (const input of paths) {
    const absolute = path.resolve(input)
    let stats
    try {
      stats = statSync(absolute)
    } catch {
      issues.push({severity: 'error', file: input, message: 'No such file or directory.'})
      continue
    }
    const found = stats.isDirectory() ? walk(absolute) : [absolute]
    const markdown = found.filter((file) => file.toLowerCase().endsWith('.md'))
    if (markdown.length === 0) {
      issues.push({
        severity: 'error',
        file: input,
        message: stats.isDirectory()
          ? 'The directory holds no markdown (.md) files.'
          : 'Not a markdown (.md) file.',
      })
    }
    for (const file of markdown) {
      const relative = contentRelative(file, stats.isDirectory() ? absolute : undefined)
      const contentRoot = file.slice(0, file.length - relative.length).replace(/[\\/]+$/, '')
      files.set(file, {absolute: file, relative, contentRoot})
    }
  }
  return {files: [...files.values()].sort((a, b) => a.relative.localeCompare(b.relative)), issues}
}

function walk(directory: string): string[] {
  return readdirSync(directory, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(directory, entry.name)
    if (entry.name.startsWith('.')) return []
    return entry.isDirectory() ? walk(full) : entry.isFile() ? [full] : []
  })
}

/**
 * The page's path inside Hugo's `content/` folder when the file lives in one (so ids do not
 * depend on how the import was called), else relative to the directory given.
 */
function contentRelative(file: string, root: string | undefined): string {
  const parts = file.split(path.sep)
  const content = parts.lastIndexOf('content')
  if (content >= 0 && content < parts.length - 1) return parts.slice(content + 1).join('/')
  return (root ? path.relative(root, file) : path.basename(file)).split(path.sep).join('/')
}

/** Read a file as UTF-8 text, or say in plain words (with the line) why it is not a posting. */
export function readPostingText(
  file: MarkdownFile,
): {text: string} | {issue: Omit<ImportIssue, 'file'>} {
  const size = statSync(file.absolute).size
  if (size > MAX_FILE_BYTES) {
    return {
      issue: {
        severity: 'error',
        line: 1,
        message: `The file is ${(size / 1024 / 1024).toFixed(1)} MB; postings are at most ${MAX_FILE_BYTES / 1024 / 1024} MB. Is it the right file?`,
      },
    }
  }
  const bytes = readFileSync(file.absolute)
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
    return {issue: {severity: 'error', line: 1, message: 'The file is empty.'}}
  }
  const nul = bytes.indexOf(0)
  if (nul >= 0) {
    return {
      issue: {
        severity: 'error',
        line: lineAtByte(bytes, nul),
        message: 'The file is binary (it contains NUL bytes), not markdown text.',
      },
    }
  }
  try {
    const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return {text: text.replace(/^\uFEFF/, '')}
  } catch {
    return {
      issue: {
        severity: 'error',
        line: firstInvalidLine(bytes),
        message: 'The file is not UTF-8 text: save it with UTF-8 encoding.',
      },
    }
  }
}

function lineAtByte(bytes: Buffer, offset: number): number {
  let line = 1
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++
  return line
}

/** The 1-based line holding the first byte sequence that is not UTF-8. */
function firstInvalidLine(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', {fatal: true})
  let line = 1
  let start = 0
  while (start < bytes.length) {
    const end = bytes.indexOf(0x0a, start)
    const stop = end < 0 ? bytes.length : end + 1
    try {
      decoder.decode(bytes.subarray(start, stop))
    } catch {
      return line
    }
    start = stop
    line++
  }
  return line
}
