import type {ExprNode} from 'groq-js'

/**
 * groq-js evaluates `*[…]` by testing the filter on every document, so a lookup by slug in 10,000
 * postings tests 10,000 documents. This index hands groq-js only the documents that can match:
 * when the query reads the dataset once, through a filter whose top-level `&&` terms include
 * `attribute == constant` (`_type == "posting"`, `slug.current == $slug`), the candidates are the
 * documents whose attribute holds that value; for `reference->attribute == constant`
 * (`team->slug.current == $team`), those whose reference points to such a document. The full filter still runs on them, so the result is
 * the same; queries of any other shape get every document. Content Lake indexes do the same job.
 */
export interface QueryIndex<Doc> {
  /** The documents `tree` can match, in dataset order: all of them unless an index applies. */
  candidates(tree: ExprNode, params: Record<string, unknown>): readonly Doc[]
}

type Primitive = string | number | boolean

interface Equality {
  path: string[]
  value: Primitive
  /** For `reference->path == constant`: the path of the reference in the document. */
  referencePath?: string[]
}

export function createQueryIndex<Doc extends object>(documents: readonly Doc[]): QueryIndex<Doc> {
  // Built on first use of each attribute path: one pass over the documents per path.
  const byPath = new Map<string, Map<string, Doc[]>>()
  const bucketsFor = (path: string[]) => {
    const pathKey = path.join('.')
    let buckets = byPath.get(pathKey)
    if (!buckets) {
      buckets = new Map()
      for (const document of documents) {
        const value = attributeAt(document, path)
        if (!isPrimitive(value)) continue
        const key = valueKey(value)
        const bucket = buckets.get(key)
        if (bucket) bucket.push(document)
        else buckets.set(key, [document])
      }
      byPath.set(pathKey, buckets)
    }
    return buckets
  }

  let positions: Map<Doc, number> | undefined
  /** The documents whose reference at `referencePath` points to one of `targets`, in dataset order. */
  const referringTo = (referencePath: string[], targets: readonly Doc[]) => {
    const byReference = bucketsFor([...referencePath, '_ref'])
    const referring = targets.flatMap(
      (target) => byReference.get(valueKey(String((target as {_id?: unknown})._id))) ?? [],
    )
    if (targets.length < 2) return referring
    positions ??= new Map(documents.map((document, position) => [document, position]))
    const order = positions
    return referring.sort((left, right) => (order.get(left) ?? 0) - (order.get(right) ?? 0))
  }

  return {
    candidates(tree, params) {
      const filter = soleDatasetFilter(tree)
      if (!filter) return documents
      let best: readonly Doc[] = documents
      for (const equality of equalities(filter, params)) {
        const bucket = bucketsFor(equality.path).get(valueKey(equality.value)) ?? []
        // References resolve by `_id` within the same documents (ids are unique, as in the
        // Content Lake), so `team->slug.current == $slug` holds exactly for the documents whose
        // `team._ref` is the id of a document whose `slug.current` is `$slug`.
        const matching = equality.referencePath
          ? referringTo(equality.referencePath, bucket)
          : bucket
        if (matching.length < best.length) best = matching
      }
      return best
    },
  }
}

/** The filter expression of the query's only `*`, when `*` appears once and is filtered. */
function soleDatasetFilter(tree: ExprNode): ExprNode | undefined {
  let everything = 0
  let filter: ExprNode | undefined
  const visit = (node: unknown, parent: unknown) => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, parent)
      return
    }
    if (!node || typeof node !== 'object') return
    const expr = node as {type?: unknown}
    if (expr.type === 'Everything') {
      everything++
      const owner = parent as {type?: unknown; base?: unknown; expr?: ExprNode} | undefined
      if (owner?.type === 'Filter' && owner.base === node) filter = owner.expr
    }
    for (const child of Object.values(node)) visit(child, node)
  }
  visit(tree, undefined)
  return everything === 1 ? filter : undefined
}

/** `attribute == constant` terms joined by `&&` at the top of a filter (parentheses allowed). */
function equalities(expr: ExprNode, params: Record<string, unknown>): Equality[] {
  if (expr.type === 'And')
    return [...equalities(expr.left, params), ...equalities(expr.right, params)]
  if (expr.type === 'Group') return equalities(expr.base, params)
  if (expr.type !== 'OpCall' || expr.op !== '==') return []
  for (const [attribute, constant] of [
    [expr.left, expr.right],
    [expr.right, expr.left],
  ] as const) {
    const path = attributePath(attribute)
    const dereferenced = path ? undefined : dereferencedPath(attribute)
    const value =
      constant.type === 'Value'
        ? constant.value
        : constant.type === 'Parameter'
          ? params[constant.name]
          : undefined
    // `null == null` is true in GROQ, so a null constant also matches missing attributes: no index.
    if (path && isPrimitive(value)) return [{path, value}]
    if (dereferenced && isPrimitive(value)) return [{...dereferenced, value}]
  }
  return []
}

/** `team->slug.current` as reference path ['team'] and path ['slug', 'current']. */
function dereferencedPath(expr: ExprNode): {referencePath: string[]; path: string[]} | undefined {
  const names: string[] = []
  let node = expr
  while (node.type === 'AccessAttribute' && node.base) {
    names.unshift(node.name)
    node = node.base
  }
  if (node.type !== 'Deref' || names.length === 0) return undefined
  const referencePath = attributePath(node.base)
  return referencePath && {referencePath, path: names}
}

/** `slug.current` as ['slug', 'current']; undefined for anything but plain attribute access. */
function attributePath(expr: ExprNode): string[] | undefined {
  if (expr.type !== 'AccessAttribute') return undefined
  if (!expr.base) return [expr.name]
  const parent = attributePath(expr.base)
  return parent ? [...parent, expr.name] : undefined
}

function attributeAt(document: object, path: readonly string[]): unknown {
  let value: unknown = document
  for (const name of path) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
    value = (value as Record<string, unknown>)[name]
  }
  return value
}

function isPrimitive(value: unknown): value is Primitive {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

/** GROQ's `==` never equates values of different types, so the type is part of the key. */
function valueKey(value: Primitive): string {
  return `${typeof value}:${String(value)}`
}
