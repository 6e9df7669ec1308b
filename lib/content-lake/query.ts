import {type ExprNode, parse} from 'groq-js'

import {ContentLakeError} from './errors'

/**
 * groq-js has no search engine: `text::query()` throws "not implemented". The Studio's document
 * lists and search use it as `[@, _id] match text::query($term)`, so the term is handed to GROQ's
 * `match` as it is, which matches words and `word*` prefixes in the string fields it is given.
 */
function withoutTextQuery(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutTextQuery)
  if (typeof node !== 'object' || node === null) return node
  const record = node as Record<string, unknown>
  if (record.type === 'FuncCall' && record.namespace === 'text' && record.name === 'query') {
    const [term] = record.args as ExprNode[]
    return term ?? {type: 'Value', value: ''}
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, withoutTextQuery(value)]),
  )
}

/** Parses a GROQ query for groq-js; a syntax error is the client's fault (400). */
export function parseQuery(query: string, params: Record<string, unknown>): ExprNode {
  let tree: ExprNode
  try {
    tree = parse(query, {params})
  } catch (error) {
    throw new ContentLakeError(
      400,
      'queryParseError',
      `GROQ syntax error: ${(error as Error).message}`,
    )
  }
  return withoutTextQuery(tree) as ExprNode
}
