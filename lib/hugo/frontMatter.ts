import {isMap, isNode, isScalar, parseDocument} from 'yaml'

/** A problem found while reading a file, located at a 1-based line of that file. */
export interface SourceIssue {
  severity: 'error' | 'warning' | 'info'
  line?: number
  message: string
}

export interface FrontMatter {
  /** Keys lower-cased (Hugo treats them case-insensitively), blank strings removed. */
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

const FENCE = /^---[ \t]*$/

/**
 * Split a Hugo page into its YAML front matter and markdown body. Returns an error issue (and
 * undefined front matter) when the YAML cannot be read, so the caller can skip the file.
 */
export function splitFrontMatter(source: string): SplitPage | {issues: SourceIssue[]} {
  const lines = source.split(/\r?\n/)
  if (/^(\+\+\+\s*|\{)$/.test(lines[0] ?? '')) {
    return {
      issues: [
        {
          severity: 'error',
          line: 1,
          message: `The front matter is ${lines[0]?.startsWith('+') ? 'TOML' : 'JSON'}; the import reads YAML. Convert the site with "hugo convert toYAML" and import again.`,
        },
      ],
    }
  }
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      issues: [
        {
          severity: 'error',
          line: 1,
          message: 'The file does not start with front matter ("---" on the first line).',
        },
      ],
    }
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line))
  if (closing < 0) {
    return {
      issues: [
        {
          severity: 'error',
          line: 1,
          message: 'The front matter opened on line 1 is never closed with "---".',
        },
      ],
    }
  }
  const yamlText = lines.slice(1, closing).join('\n')
  const document = parseDocument(yamlText, {prettyErrors: false, uniqueKeys: false})
  const lineCounter = lineStarts(yamlText)
  if (document.errors.length > 0) {
    return {
      issues: document.errors.map((error) => ({
        severity: 'error' as const,
        // +1 for the opening fence: the YAML starts on the file's second line.
        line: lineOf(lineCounter, error.pos[0]) + 1,
        message: `The front matter is not valid YAML: ${firstLine(error.message)}`,
      })),
    }
  }
  const issues: SourceIssue[] = []
  const frontMatter: FrontMatter = {values: {}, spelling: {}, lines: {}}
  const contents = document.contents
  if (contents !== null && !isMap(contents)) {
    return {
      issues: [
        {
          severity: 'error',
          line: 2,
          message: 'The front matter must be a list of "key: value" lines.',
        },
      ],
    }
  }
  for (const pair of contents?.items ?? []) {
    const rawKey = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
    const key = rawKey.trim().toLowerCase()
    const offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0
    const line = lineOf(lineCounter, offset) + 1
    const value = normalise(pair.value)
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
  return {frontMatter, body: lines.slice(closing + 1).join('\n'), bodyLine: closing + 2, issues}
}

/** Trim strings and drop blank ones (`sidebarimage: " "` means "no image"). */
function normalise(value: unknown): unknown {
  const json = isScalar(value) ? value.value : isNode(value) ? value.toJSON() : value
  if (typeof json === 'string') {
    const trimmed = json.trim()
    return trimmed === '' ? undefined : trimmed
  }
  if (Array.isArray(json)) {
    const items = json.map(normalise).filter((item) => item !== undefined)
    return items.length > 0 ? items : undefined
  }
  if (json instanceof Date) return json.toISOString()
  return json ?? undefined
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1)
  return starts
}

function lineOf(starts: number[], offset: number): number {
  let line = 0
  while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= offset) line++
  return line + 1
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message
}

/** The front-matter value of a key as a trimmed string, whatever its YAML type. */
export function stringValue(frontMatter: FrontMatter, key: string): string | undefined {
  const value = frontMatter.values[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}
