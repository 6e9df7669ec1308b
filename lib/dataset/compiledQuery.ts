import {DateTime, Path, type ExprNode} from 'groq-js'

/**
 * A faster evaluator for the part of GROQ the website's list queries use, with groq-js's semantics.
 *
 * Why our own: groq-js (the only JavaScript GROQ engine) wraps every intermediate value in an object,
 * allocates a scope per document and re-evaluates constants such as `dateTime(now())` and
 * `path("drafts.**")` for every document; on 10,000 postings the open-postings list spends about
 * 100 ms in its order and projection alone (bench/RESULTS.md). Here a parse tree becomes plain
 * closures over plain JSON values, constants are computed once, and every rule (types, `==`,
 * three-valued `&&`/`||`, ordering, `null` for what is missing) mirrors groq-js's evaluator, using
 * its own `DateTime` and `Path`. A tree with any node outside this subset is not compiled, and the
 * caller evaluates it with groq-js; test/bench/compiledQuery.test.ts compares the two.
 */
export interface QueryContext {
  /**
   * What `*` reads. Never changed once queried: `order()` over it keeps a sorted copy per array
   * and order key (see `presorted`).
   */
  dataset: readonly unknown[]
  params: Record<string, unknown>
  /** What `now()` returns. */
  timestamp: Date
  /** The document a reference points to, or null. */
  dereference(id: string): unknown
}

/** Evaluates a node with `@` bound to `self`; results are JSON values, DateTime or Path, never undefined. */
type Evaluate = (self: unknown) => unknown

interface Compiled {
  evaluate: Evaluate
  /** Independent of `@` and `*`: computed once per query, as a constant. */
  constant: boolean
}

/** The query as a function, or undefined when it uses something this evaluator does not cover. */
export function compileQuery(tree: ExprNode, context: QueryContext): (() => unknown) | undefined {
  const compiled = compile(tree, context)
  // groq-js evaluates the top level with `@` bound to the (absent) root: null.
  return compiled && (() => compiled.evaluate(null))
}

/** groq-js's `getType`, with the cheap `typeof` first: it runs in every comparison of a sort. */
function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  const type = typeof value
  if (type !== 'object') return type
  if (Array.isArray(value)) return 'array'
  if (value instanceof Path) return 'path'
  if (value instanceof DateTime) return 'datetime'
  return type
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Path) &&
  !(value instanceof DateTime)

/** ['slug', 'current'] for `slug.current` read from `@`; undefined for any other base. */
function attributePathFromThis(node: ExprNode): string[] | undefined {
  if (node.type !== 'AccessAttribute') return undefined
  if (!node.base || node.base.type === 'This') return [node.name]
  const parent = attributePathFromThis(node.base)
  return parent && [...parent, node.name]
}

/** groq-js's `isEqual`: only strings, booleans, nulls, numbers and datetimes can be equal. */
function isEqual(left: unknown, right: unknown): boolean {
  const type = typeOf(left)
  if (type !== typeOf(right)) return false
  if (type === 'null') return true
  if (type === 'string' || type === 'boolean' || type === 'number') return left === right
  return type === 'datetime' && (left as DateTime).equals(right as DateTime)
}

/** groq-js's `partialCompare`: null when the values cannot be ordered. */
function partialCompare(left: unknown, right: unknown): number | null {
  const type = typeOf(left)
  if (type !== typeOf(right)) return null
  switch (type) {
    case 'number':
    case 'boolean':
      return (left as number) - (right as number)
    case 'string':
      return (left as string) < (right as string) ? -1 : +((left as string) > (right as string))
    case 'datetime':
      return (left as DateTime).compareTo(right as DateTime)
    default:
      return null
  }
}

const TYPE_ORDER: Record<string, number> = {datetime: 1, number: 2, string: 3, boolean: 4}

/** A sort key with its rank in groq-js's `totalCompare`, worked out once per item rather than per comparison. */
interface SortKey {
  rank: number
  type: string
  value: unknown
}

function sortKey(value: unknown): SortKey {
  const type = typeOf(value)
  return {rank: TYPE_ORDER[type] ?? 100, type, value}
}

/** groq-js's `totalCompare`, which `order()` uses: by type rank, then by `partialCompare`, else equal. */
function totalCompare(left: SortKey, right: SortKey): number {
  if (left.rank !== right.rank) return left.rank - right.rank
  // Equal ranks below 100 mean equal types: partialCompare's cases without its type checks.
  switch (left.type) {
    case 'number':
    case 'boolean':
      return (left.value as number) - (right.value as number)
    case 'string':
      return (left.value as string) < (right.value as string)
        ? -1
        : +((left.value as string) > (right.value as string))
    case 'datetime':
      return (left.value as DateTime).compareTo(right.value as DateTime)
    default:
      return 0
  }
}

/** groq-js's `order()`: by each key's `totalCompare` in turn, ties in input order. */
function sortStably(
  items: readonly unknown[],
  keys: readonly Compiled[],
  signs: readonly number[],
) {
  const rows = items.map((item: unknown, position) => ({
    item,
    position,
    keys: keys.map((key) => sortKey(key.evaluate(item ?? null))),
  }))
  rows.sort((left, right) => {
    for (let k = 0; k < keys.length; k++) {
      const order =
        totalCompare(left.keys[k] as SortKey, right.keys[k] as SortKey) * (signs[k] as number)
      if (order !== 0) return order
    }
    return left.position - right.position
  })
  return rows.map((row) => row.item)
}

/** Sorted copies of dataset arrays by order signature, built on first use like ./queryIndex. */
const sortedDatasets = new WeakMap<readonly unknown[], Map<string, readonly unknown[]>>()

function presorted(
  dataset: readonly unknown[],
  signature: string,
  sort: (items: readonly unknown[]) => readonly unknown[],
): readonly unknown[] {
  let bySignature = sortedDatasets.get(dataset)
  if (!bySignature) sortedDatasets.set(dataset, (bySignature = new Map()))
  let sorted = bySignature.get(signature)
  if (!sorted) bySignature.set(signature, (sorted = sort(dataset)))
  return sorted
}

/** The conditions of `*`, `*[a]`, `*[a][b]`…: what an `order()` over the dataset filters by. */
function datasetFilters(node: ExprNode): ExprNode[] | undefined {
  if (node.type === 'Everything') return []
  if (node.type === 'Group') return datasetFilters(node.base)
  if (node.type !== 'Filter') return undefined
  const inner = datasetFilters(node.base)
  return inner && [...inner, node.expr]
}

const COMPARISONS: Record<string, (order: number) => boolean> = {
  '>': (order) => order > 0,
  '>=': (order) => order >= 0,
  '<': (order) => order < 0,
  '<=': (order) => order <= 0,
}

function operator(op: string): ((left: unknown, right: unknown) => unknown) | undefined {
  if (op === '==') return isEqual
  if (op === '!=') return (left, right) => !isEqual(left, right)
  if (op === 'in')
    return (left, right) => {
      if (right instanceof Path) return typeof left === 'string' ? right.matches(left) : null
      if (Array.isArray(right)) return right.some((element: unknown) => isEqual(left, element))
      return null
    }
  const comparison = COMPARISONS[op]
  if (!comparison) return undefined
  return (left, right) => {
    const order = partialCompare(left, right)
    return order === null ? null : comparison(order)
  }
}

function compile(node: ExprNode, context: QueryContext): Compiled | undefined {
  const variable = (evaluate: Evaluate): Compiled => ({evaluate, constant: false})
  // A node whose operands are constants is itself computed once (`dateTime(now())`, `path(…)`).
  const derived = (operands: Compiled[], evaluate: Evaluate): Compiled => {
    if (!operands.every((operand) => operand.constant)) return variable(evaluate)
    const value = evaluate(null)
    return {evaluate: () => value, constant: true}
  }
  const all = (nodes: readonly ExprNode[]) => {
    const compiled = nodes.map((child) => compile(child, context))
    return compiled.every((child) => child !== undefined) ? compiled : undefined
  }

  switch (node.type) {
    case 'Everything':
      return variable(() => context.dataset)
    case 'This':
      return variable((self) => self)
    case 'Value':
      return derived([], () => node.value ?? null)
    case 'Parameter':
      return derived([], () => context.params[node.name] ?? null)
    case 'Group':
      return compile(node.base, context)
    case 'AccessAttribute': {
      const names = attributePathFromThis(node)
      // `slug.current` on `@`, the commonest expression, walks the path in one closure.
      if (names)
        return variable((self) => {
          let value = self
          for (const name of names) {
            if (!isObject(value) || !Object.hasOwn(value, name)) return null
            value = value[name] ?? null
          }
          return value
        })
      const base = node.base ? compile(node.base, context) : variable((self) => self)
      if (!base) return undefined
      const {name} = node
      return derived([base], (self) => {
        const value = base.evaluate(self)
        return isObject(value) && Object.hasOwn(value, name) ? (value[name] ?? null) : null
      })
    }
    case 'AccessElement': {
      const base = compile(node.base, context)
      if (!base) return undefined
      const {index} = node
      return derived([base], (self) => {
        const value = base.evaluate(self)
        if (!Array.isArray(value)) return null
        return (value[index < 0 ? index + value.length : index] as unknown) ?? null
      })
    }
    case 'Deref': {
      const base = compile(node.base, context)
      if (!base) return undefined
      return derived([base], (self) => {
        const value = base.evaluate(self)
        if (!isObject(value) || typeof value._ref !== 'string') return null
        return context.dereference(value._ref) ?? null
      })
    }
    case 'ArrayCoerce': {
      const base = compile(node.base, context)
      if (!base) return undefined
      return derived([base], (self) => {
        const value = base.evaluate(self)
        return Array.isArray(value) ? value : null
      })
    }
    case 'Array': {
      const elements = all(node.elements.map((element) => element.value))
      if (!elements) return undefined
      const splats = node.elements.map((element) => element.isSplat)
      // Never folded into a constant: every evaluation returns a fresh array, as in groq-js.
      return variable((self) => {
        const result: unknown[] = []
        elements.forEach((element, position) => {
          const value = element.evaluate(self)
          if (!splats[position]) result.push(value)
          else if (Array.isArray(value)) result.push(...(value as unknown[]))
        })
        return result
      })
    }
    case 'Object': {
      const attributes: {name?: string; value: Compiled; condition?: Compiled}[] = []
      for (const attribute of node.attributes) {
        if (attribute.type === 'ObjectAttributeValue') {
          const value = compile(attribute.value, context)
          if (!value) return undefined
          attributes.push({name: attribute.name, value})
        } else if (
          attribute.type === 'ObjectSplat' ||
          attribute.type === 'ObjectConditionalSplat'
        ) {
          const value = compile(attribute.value, context)
          const condition =
            attribute.type === 'ObjectConditionalSplat'
              ? compile(attribute.condition, context)
              : undefined
          if (!value || (attribute.type === 'ObjectConditionalSplat' && !condition))
            return undefined
          attributes.push({value, condition})
        } else return undefined
      }
      const names = attributes.map((attribute) => attribute.name)
      if (names.every((name) => name !== undefined)) {
        const values = attributes.map((attribute) => attribute.value)
        return variable((self) => {
          const result: Record<string, unknown> = {}
          for (let position = 0; position < names.length; position++)
            result[names[position] as string] = (values[position] as Compiled).evaluate(self)
          return result
        })
      }
      return variable((self) => {
        const result: Record<string, unknown> = {}
        for (const {name, value, condition} of attributes) {
          if (name !== undefined) {
            result[name] = value.evaluate(self)
            continue
          }
          if (condition && condition.evaluate(self) !== true) continue
          const splat = value.evaluate(self)
          if (isObject(splat)) Object.assign(result, splat)
        }
        return result
      })
    }
    case 'Projection': {
      const base = compile(node.base, context)
      const expr = compile(node.expr, context)
      if (!base || !expr) return undefined
      return variable((self) => {
        const value = base.evaluate(self)
        return isObject(value) ? expr.evaluate(value) : null
      })
    }
    case 'Filter':
    case 'Map': {
      const base = compile(node.base, context)
      const expr = compile(node.expr, context)
      if (!base || !expr) return undefined
      const filter = node.type === 'Filter'
      return variable((self) => {
        const items = base.evaluate(self)
        if (!Array.isArray(items)) return null
        if (filter) return items.filter((item: unknown) => expr.evaluate(item ?? null) === true)
        return items.map((item: unknown) => expr.evaluate(item ?? null))
      })
    }
    case 'PipeFuncCall': {
      if (node.name !== 'order' || node.args.length === 0) return undefined
      const base = compile(node.base, context)
      const keys = all(
        node.args.map((arg) => (arg.type === 'Asc' || arg.type === 'Desc' ? arg.base : arg)),
      )
      if (!base || !keys) return undefined
      const signs = node.args.map((arg) => (arg.type === 'Desc' ? -1 : 1))
      const sort = (items: readonly unknown[]) => sortStably(items, keys, signs)
      const filters = datasetFilters(node.base)
      const keyPaths = node.args.map((arg) =>
        attributePathFromThis(arg.type === 'Asc' || arg.type === 'Desc' ? arg.base : arg),
      )
      if (filters && keyPaths.every((path) => path !== undefined)) {
        // `*[…] | order(attribute)`: a stable sort with ties in dataset order commutes with the
        // filter, so filtering the dataset's sorted copy gives the same list without sorting.
        const conditions = all(filters)
        if (!conditions) return undefined
        const signature = JSON.stringify([keyPaths, signs])
        return variable(() =>
          presorted(context.dataset, signature, sort).filter((item: unknown) =>
            conditions.every((condition) => condition.evaluate(item ?? null) === true),
          ),
        )
      }
      return variable((self) => {
        const items = base.evaluate(self)
        return Array.isArray(items) ? sort(items) : null
      })
    }
    case 'And':
    case 'Or': {
      const left = compile(node.left, context)
      const right = compile(node.right, context)
      if (!left || !right) return undefined
      // groq-js: one decisive side (false for `&&`, true for `||`) decides; otherwise two booleans
      // give the other answer, anything else null.
      const decisive = node.type === 'Or'
      return derived([left, right], (self) => {
        const leftValue = left.evaluate(self)
        if (leftValue === decisive) return decisive
        const rightValue = right.evaluate(self)
        if (rightValue === decisive) return decisive
        return typeof leftValue === 'boolean' && typeof rightValue === 'boolean' ? !decisive : null
      })
    }
    case 'Not': {
      const base = compile(node.base, context)
      if (!base) return undefined
      return derived([base], (self) => {
        const value = base.evaluate(self)
        return typeof value === 'boolean' ? !value : null
      })
    }
    case 'OpCall': {
      const apply = operator(node.op)
      const left = compile(node.left, context)
      const right = compile(node.right, context)
      if (!apply || !left || !right) return undefined
      const pattern = node.op === 'in' && right.constant ? right.evaluate(null) : undefined
      if (pattern instanceof Path) {
        // `_id in path("drafts.**")`: the pattern's first part, unless a wildcard, is literal
        // text at the start of its regular expression; most ids fail that cheaper test.
        const [first = ''] = pattern.toJSON().split('.', 1)
        const prefix = first === '*' || first === '**' ? '' : first
        return derived([left], (self) => {
          const value = left.evaluate(self)
          return typeof value === 'string'
            ? value.startsWith(prefix) && pattern.matches(value)
            : null
        })
      }
      return derived([left, right], (self) => apply(left.evaluate(self), right.evaluate(self)))
    }
    case 'FuncCall':
      return node.namespace === 'global'
        ? compileFunction(node.name, node.args, context)
        : undefined
    default:
      return undefined
  }

  function compileFunction(
    name: string,
    argNodes: readonly ExprNode[],
    functionContext: QueryContext,
  ): Compiled | undefined {
    const args = all(argNodes)
    if (!args) return undefined
    const [first] = args
    const single = args.length === 1 && first ? first : undefined
    switch (name) {
      case 'now':
        return args.length === 0
          ? derived([], () => functionContext.timestamp.toISOString())
          : undefined
      case 'dateTime':
        return (
          single &&
          derived([single], (self) => {
            const value = single.evaluate(self)
            if (value instanceof DateTime) return value
            return typeof value === 'string' ? DateTime.parseToValue(value).data : null
          })
        )
      case 'defined':
        return single && derived([single], (self) => typeOf(single.evaluate(self)) !== 'null')
      case 'path':
        return (
          single &&
          derived([single], (self) => {
            const value = single.evaluate(self)
            return typeof value === 'string' ? new Path(value) : null
          })
        )
      case 'coalesce':
        return derived(args, (self) => {
          for (const arg of args) {
            const value = arg.evaluate(self)
            if (typeOf(value) !== 'null') return value
          }
          return null
        })
      case 'count':
        return (
          single &&
          derived([single], (self) => {
            const value = single.evaluate(self)
            return Array.isArray(value) ? value.length : null
          })
        )
      default:
        return undefined
    }
  }
}
