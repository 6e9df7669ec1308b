/**
 * The shape a renderer expects of the data it is given, checked before rendering. The Content
 * Lake does not enforce the schema: a field can hold a number where text belongs, an object, or
 * a date that is no date. A value of the wrong shape is left out and reported with its path, so
 * a renderer only ever sees what its types promise and never throws on stored data.
 *
 * Written here rather than with a validation library: the shapes are a dozen lines, and the
 * renderers ship to the Studio, where every kilobyte counts.
 */

export type Shape =
  | {kind: 'text'}
  | {kind: 'boolean'}
  | {kind: 'number'}
  | {kind: 'dateTime'}
  | {kind: 'oneOf'; values: readonly string[]}
  | {kind: 'list'; of: Shape}
  | {kind: 'object'; fields: Readonly<Record<string, Shape>>}
  /** Portable Text: text blocks, and the given object types by `_type`; other types pass. */
  | {kind: 'blocks'; types: Readonly<Record<string, Readonly<Record<string, Shape>>>>}

/** A stored value that does not have the shape its field needs. */
export interface DataProblem {
  /** Where: "publishedAt", "body[3].variant", "faqs[0].answer[1].children[0].text". */
  field: string
  message: string
  /**
   * `error`: a value of the wrong type, or a date that is none; the export skips the posting.
   * `warning`: a value outside its field's choices, which every renderer has a default for.
   */
  severity: 'error' | 'warning'
}

export const text: Shape = {kind: 'text'}
export const boolean: Shape = {kind: 'boolean'}
export const number: Shape = {kind: 'number'}
export const dateTime: Shape = {kind: 'dateTime'}
export const oneOf = (values: readonly string[]): Shape => ({kind: 'oneOf', values})
export const listOf = (of: Shape): Shape => ({kind: 'list', of})
export const object = (fields: Record<string, Shape>): Shape => ({kind: 'object', fields})
export const blocks = (types: Record<string, Record<string, Shape>>): Shape => ({
  kind: 'blocks',
  types,
})

// ISO 8601 as Sanity stores dates and datetimes, and as Hugo's front matter reads them.
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/

const TEXT_BLOCK: Record<string, Shape> = {
  children: listOf(object({_type: text, text, marks: listOf(text)})),
  markDefs: listOf(object({_type: text, _key: text, href: text})),
  style: text,
  listItem: text,
  level: number,
}

/**
 * `value` with every part of the wrong shape left out; fields the shape does not name are kept
 * as they are, and nothing is copied that needs no change. Problems are added to `problems`,
 * their field paths starting at `field`. Null and undefined are always allowed.
 */
export function conform(
  value: unknown,
  shape: Shape,
  field: string,
  problems: DataProblem[],
): unknown {
  return new Conformer(problems, field).conform(value, shape)
}

/** A date Sanity or Hugo would read: ISO 8601 and a real day ("2026-02-30" is not). */
export function isDateTime(value: string): boolean {
  if (!ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) return false
  const [year = 0, month = 0, day = 0] = value.slice(0, 10).split('-').map(Number)
  const written = new Date(Date.UTC(year, month - 1, day))
  return written.getUTCMonth() === month - 1 && written.getUTCDate() === day
}

/**
 * One walk over a value. The path is a stack of names and indexes, made into text only for a
 * problem: the export checks thousands of postings that are almost always right.
 */
class Conformer {
  private readonly path: (string | number)[] = []

  constructor(
    private readonly problems: DataProblem[],
    private readonly root: string,
  ) {}

  conform(value: unknown, shape: Shape): unknown {
    if (value === undefined || value === null) return value
    switch (shape.kind) {
      case 'text':
        return typeof value === 'string' ? value : this.refuse(value, 'text')
      case 'boolean':
        return typeof value === 'boolean' ? value : this.refuse(value, 'yes or no')
      case 'number':
        return typeof value === 'number' && Number.isFinite(value)
          ? value
          : this.refuse(value, 'a number')
      case 'dateTime':
        return typeof value === 'string' && isDateTime(value) ? value : this.refuse(value, 'a date')
      case 'oneOf':
        return typeof value === 'string' && shape.values.includes(value)
          ? value
          : this.refuse(
              value,
              `one of ${shape.values.map((choice) => `"${choice}"`).join(', ')}`,
              typeof value === 'string' ? 'warning' : 'error',
            )
      case 'list':
        return Array.isArray(value)
          ? this.items(value, (item) => this.conform(item, shape.of))
          : this.refuse(value, 'a list')
      case 'object':
        return isRecord(value) ? this.fields(value, shape.fields) : this.refuse(value, 'an object')
      case 'blocks':
        return Array.isArray(value)
          ? this.items(value, (item) => this.block(item, shape.types))
          : this.refuse(value, 'formatted text')
    }
  }

  /** The list with its wrong items left out; the same list when all are right. */
  private items(items: readonly unknown[], conformItem: (item: unknown) => unknown) {
    let kept: unknown[] | undefined
    items.forEach((item, index) => {
      this.path.push(index)
      const conformed =
        item === undefined || item === null
          ? this.report('An empty entry in a list; it was left out.', 'error')
          : conformItem(item)
      this.path.pop()
      if (conformed !== item) kept ??= items.slice(0, index)
      if (kept && conformed !== undefined) kept.push(conformed)
    })
    return kept ?? items
  }

  /** The object with its wrong fields left out; the same object when all are right. */
  private fields(value: Record<string, unknown>, fields: Readonly<Record<string, Shape>>) {
    let result: Record<string, unknown> | undefined
    for (const name in fields) {
      const stored = value[name]
      if (stored === undefined) continue
      this.path.push(name)
      const conformed = this.conform(stored, fields[name] as Shape)
      this.path.pop()
      if (conformed === stored) continue
      result ??= {...value}
      if (conformed === undefined) delete result[name]
      else result[name] = conformed
    }
    return result ?? value
  }

  private block(value: unknown, types: Readonly<Record<string, Readonly<Record<string, Shape>>>>) {
    if (!isRecord(value) || typeof value._type !== 'string') {
      return this.refuse(value, 'a block with a type')
    }
    const fields = value._type === 'block' ? TEXT_BLOCK : types[value._type]
    // Types the shape does not know are the renderer's to report; they pass unchanged.
    return fields ? this.fields(value, fields) : value
  }

  private refuse(value: unknown, expected: string, severity: DataProblem['severity'] = 'error') {
    return this.report(`${describe(value)} where ${expected} belongs; it was left out.`, severity)
  }

  private report(message: string, severity: DataProblem['severity']): undefined {
    const field = this.path.reduce<string>(
      (text, part) =>
        typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part,
      this.root,
    )
    this.problems.push({field, message, severity})
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What a stored value is, in words: `The number 42`, `A list`, `The text "31/12"`. */
function describe(value: unknown): string {
  if (typeof value === 'string')
    return `The text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
  if (typeof value === 'number' || typeof value === 'boolean')
    return `The ${typeof value} ${String(value)}`
  if (Array.isArray(value)) return 'A list'
  return typeof value === 'object' ? 'An object' : `A ${typeof value}`
}
