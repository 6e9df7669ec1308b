import {parse as parseToml, TomlDate, TomlError} from 'smol-toml'
import {isMap, isNode, isScalar, parseDocument} from 'yaml'

/** A problem found while reading a file, located at a 1-based line of that file. */
export interface SourceIssue {
  severity: 'error' | 'warning' | 'info'
  line?: number
  message: string
}

export type FrontMatterFormat = 'yaml' | 'toml' | 'json' | 'org'

/** One key of the front matter exactly as the file has it. */
export interface FrontMatterEntry {
  /** The key as written ("Title"). */
  key: string
  /** The value as parsed, untouched (spaces kept); dates as the text they were written as. */
  value: unknown
  line: number
}

export interface FrontMatter {
  format: FrontMatterFormat
  /** Every key in file order, verbatim: what an export needs to write the same page back. */
  entries: FrontMatterEntry[]
  /** Keys lower-cased (Hugo treats them case-insensitively), strings trimmed, blank ones removed. */
  values: Record<string, unknown>
  /** The key as first written in the file, for messages ("Title" rather than "title"). */
  spelling: Record<string, string>
  /** The line of each key, for messages. */
  lines: Record<string, number>
}

export interface SplitPage {
  frontMatter: FrontMatter
  body: string
  /** 1-based line of the file where `body` starts. */
  bodyLine: number
  issues: SourceIssue[]
}

/**
 * Split a Hugo page into its front matter and markdown body, accepting and refusing what Hugo
 * 0.111's page lexer does: any byte-order marks, spaces and blank lines before the front matter;
 * YAML between `---` lines, TOML between `+++` lines, or a JSON object; the closing delimiter at
 * the start of a line. Returns error issues (and no front matter) when the file cannot be read,
 * so the caller can skip it.
 */
export function splitFrontMatter(source: string): SplitPage | {issues: SourceIssue[]} {
  let offset = 0
  let line = 1
  while (offset < source.length) {
    const char = source[offset]
    if (char === '\n') line++
    else if (char !== ' ' && char !== '\t' && char !== '\r' && char !== '\uFEFF') break
    offset++
  }
  const fail = (message: string, at = line) => ({
    issues: [{severity: 'error' as const, line: at, message}],
  })
  const rest = source.slice(offset)
  if (rest.startsWith('-') || rest.startsWith('+')) {
    const fence = rest.startsWith('-') ? '---' : '+++'
    const format = fence === '---' ? 'yaml' : 'toml'
    if (!rest.startsWith(fence))
      return fail(
        `The file starts with "${rest.split('\n')[0]?.slice(0, 20)}", which Hugo refuses: front matter opens with a line of "${fence}".`,
      )
    return delimited(source, offset + 3, line, fence, format)
  }
  if (rest.startsWith('{')) return jsonFrontMatter(source, offset, line)
  if (rest.startsWith('#+')) return orgFrontMatter(source, offset, line)
  if (rest.startsWith('<!--'))
    return fail(
      'The front matter is inside an HTML comment; the import reads it only without the comment around it.',
    )
  if (rest.startsWith('<'))
    return fail(
      'The file starts with HTML, which Hugo refuses ("plain HTML documents not supported"): start it with front matter.',
    )
  return fail(
    rest.trim()
      ? 'The file has no front matter (a "---" line, then "title: …" and a closing "---"), so the posting has no title.'
      : 'The file is empty.',
  )
}

/** YAML or TOML between two delimiter lines; `start` is just after the opening delimiter. */
function delimited(
  source: string,
  start: number,
  openingLine: number,
  fence: string,
  format: 'yaml' | 'toml',
): SplitPage | {issues: SourceIssue[]} {
  const afterFence = consumeLineEnd(source, start)
  const firstLine = afterFence > start ? openingLine + 1 : openingLine
  let closing = -1
  for (
    let index = source.indexOf('\n', start);
    index >= 0;
    index = source.indexOf('\n', index + 1)
  ) {
    if (source.startsWith(fence, index + 1)) {
      closing = index + 1
      break
    }
  }
  if (closing < 0) {
    return {
      issues: [
        {
          severity: 'error',
          line: openingLine,
          message: `The front matter opened here is never closed with a "${fence}" line.`,
        },
      ],
    }
  }
  const text = source.slice(afterFence, closing)
  const parsed = format === 'yaml' ? parseYaml(text, firstLine) : parseTomlText(text, firstLine)
  if (!('entries' in parsed)) return parsed
  const bodyStart = consumeLineEnd(source, closing + 3)
  const bodyLine = firstLine + countLines(text) + (bodyStart > closing + 3 ? 1 : 0)
  return finish(format, parsed.entries, source.slice(bodyStart), bodyLine)
}

/** Hugo's JSON front matter: from the first `{` to its matching `}`, quotes respected. */
function jsonFrontMatter(
  source: string,
  start: number,
  line: number,
): SplitPage | {issues: SourceIssue[]} {
  let level = 0
  let inQuote = false
  let end = -1
  for (let index = start; index < source.length; index++) {
    const char = source[index]
    if (char === '\\') index++
    else if (char === '"') inQuote = !inQuote
    else if (!inQuote && char === '{') level++
    else if (!inQuote && char === '}' && --level === 0) {
      end = index + 1
      break
    }
  }
  if (end < 0) {
    return {
      issues: [
        {
          severity: 'error',
          line,
          message: 'The JSON front matter that starts here is never closed with "}".',
        },
      ],
    }
  }
  const text = source.slice(start, end)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1]
    return {
      issues: [
        {
          severity: 'error',
          line: line + (position ? countLines(text.slice(0, Number(position))) : 0),
          message: `The front matter is not valid JSON: ${firstLineOf(String((error as Error).message))}`,
        },
      ],
    }
  }
  if (!isPlainObject(data))
    return {
      issues: [{severity: 'error', line, message: 'The JSON front matter must be an object.'}],
    }
  const bodyStart = consumeLineEnd(source, end)
  const entries = Object.entries(data).map(([key, value]) => ({
    key,
    value,
    line: line + lineOfKey(text, `"${key}"`),
  }))
  return finish('json', entries, source.slice(bodyStart), line + countLines(text) + 1)
}

/**
 * Org-mode front matter, which Hugo also reads: `#+key: value` lines until the first other line.
 * Values are text; `#+tags[]: a b` is a list.
 */
function orgFrontMatter(source: string, start: number, line: number): SplitPage {
  const entries: FrontMatterEntry[] = []
  let offset = start
  let current = line
  while (source.startsWith('#+', offset)) {
    const end = source.indexOf('\n', offset)
    const text = source.slice(offset + 2, end < 0 ? source.length : end).replace(/\r$/, '')
    const match = /^([^:\s]+?)(\[\])?:\s?(.*)$/.exec(text)
    if (match?.[1]) {
      const value = match[2] ? (match[3] ?? '').split(/\s+/).filter(Boolean) : (match[3] ?? '')
      entries.push({key: match[1], value, line: current})
    }
    current++
    offset = end < 0 ? source.length : end + 1
  }
  return finish('org', entries, source.slice(offset), current)
}

function parseYaml(
  text: string,
  firstLine: number,
): {entries: FrontMatterEntry[]} | {issues: SourceIssue[]} {
  const document = parseDocument(text, {prettyErrors: false, uniqueKeys: false})
  const starts = lineStarts(text)
  if (document.errors.length > 0) {
    return {
      issues: document.errors.map((error) => ({
        severity: 'error' as const,
        line: firstLine + lineIndexOf(starts, error.pos[0]),
        message: `The front matter is not valid YAML: ${firstLineOf(error.message)}`,
      })),
    }
  }
  const contents = document.contents
  if (contents !== null && !isMap(contents)) {
    return {
      issues: [
        {
          severity: 'error',
          line: firstLine,
          message: 'The front matter must be a list of "key: value" lines.',
        },
      ],
    }
  }
  return {
    entries: (contents?.items ?? []).map((pair) => ({
      key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
      value: plain(isNode(pair.value) ? pair.value.toJSON() : pair.value),
      line: firstLine + lineIndexOf(starts, isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0),
    })),
  }
}

function parseTomlText(
  text: string,
  firstLine: number,
): {entries: FrontMatterEntry[]} | {issues: SourceIssue[]} {
  try {
    const data = parseToml(text)
    return {
      entries: Object.entries(data).map(([key, value]) => ({
        key,
        value: plain(value),
        line: firstLine + lineOfKey(text, key),
      })),
    }
  } catch (error) {
    if (!(error instanceof TomlError)) throw error
    return {
      issues: [
        {
          severity: 'error',
          line: firstLine + error.line - 1,
          message: `The front matter is not valid TOML: ${firstLineOf(error.message)}`,
        },
      ],
    }
  }
}

function finish(
  format: FrontMatterFormat,
  entries: FrontMatterEntry[],
  body: string,
  bodyLine: number,
): SplitPage {
  const issues: SourceIssue[] = []
  const frontMatter: FrontMatter = {format, entries, values: {}, spelling: {}, lines: {}}
  for (const {key: rawKey, value: rawValue, line} of entries) {
    const key = rawKey.trim().toLowerCase()
    const value = normalise(rawValue)
    const existing = frontMatter.values[key]
    if (key in frontMatter.spelling && existing !== undefined && value !== undefined) {
      if (JSON.stringify(existing) !== JSON.stringify(value)) {
        issues.push({
          severity: 'warning',
          line,
          message: `"${rawKey}" repeats "${frontMatter.spelling[key]}" with another value; the first one is kept.`,
        })
      }
      continue
    }
    frontMatter.spelling[key] ??= rawKey
    frontMatter.lines[key] ??= line
    if (value !== undefined) frontMatter.values[key] = value
  }
  return {frontMatter, body, bodyLine, issues}
}

/** JSON-safe values: dates as the text they were written as (TOML) or ISO timestamps. */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString()
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(plain)
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]))
  return value
}

/** Trim strings and drop blank ones (`sidebarimage: " "` means "no image" to the model). */
function normalise(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return trimmed === '' ? undefined : trimmed
  }
  if (Array.isArray(value)) {
    const items = value.map(normalise).filter((item) => item !== undefined)
    return items.length > 0 ? items : undefined
  }
  return value ?? undefined
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Past an optional "\r" then an optional "\n", as Hugo's lexer consumes them. */
function consumeLineEnd(source: string, offset: number): number {
  let next = offset
  if (source[next] === '\r') next++
  if (source[next] === '\n') next++
  return next
}

function countLines(text: string): number {
  let count = 0
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++
  return count
}

/** 0-based line of the first line that starts with `key` (a quoted key for JSON). */
function lineOfKey(text: string, key: string): number {
  const lines = text.split('\n')
  const found = lines.findIndex((line) => line.trimStart().startsWith(key))
  return Math.max(0, found)
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1))
    starts.push(index + 1)
  return starts
}

/** 0-based line holding `offset`. */
function lineIndexOf(starts: number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] ?? 0) <= offset) low = middle
    else high = middle - 1
  }
  return low
}

function firstLineOf(message: string): string {
  return message.split('\n')[0] ?? message
}

/** The front-matter value of a key as a trimmed string, whatever its type. */
export function stringValue(frontMatter: FrontMatter, key: string): string | undefined {
  const value = frontMatter.values[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}
