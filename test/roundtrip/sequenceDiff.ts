/**
 * The difference between two sequences of lines, as the few hunks a reader needs: what only the
 * original has (`-`), what only the round trip has (`+`), with a line of context on each side.
 * A longest-common-subsequence table: pages are a few thousand lines at most.
 */
export interface SequenceDiff {
  same: boolean
  /** Lines prefixed with "- ", "+ " or "  " (context), hunks separated by "…". */
  hunks: string[]
}

export function diffSequences(
  original: readonly string[],
  roundTrip: readonly string[],
  context = 1,
): SequenceDiff {
  if (original.length === roundTrip.length && original.every((line, i) => line === roundTrip[i]))
    return {same: true, hunks: []}
  const ops = editScript(original, roundTrip)
  const keep = new Set<number>()
  ops.forEach((op, index) => {
    if (op.kind === ' ') return
    for (let near = index - context; near <= index + context; near++) keep.add(near)
  })
  const hunks: string[] = []
  let previous = -2
  ops.forEach((op, index) => {
    if (!keep.has(index)) return
    if (previous >= 0 && index > previous + 1) hunks.push('…')
    hunks.push(`${op.kind} ${op.line}`)
    previous = index
  })
  return {same: false, hunks}
}

type Op = {kind: ' ' | '-' | '+'; line: string}

function editScript(a: readonly string[], b: readonly string[]): Op[] {
  // Common head and tail first: most pages differ in a few places.
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  const rows = midA.length + 1
  const cols = midB.length + 1
  const table = new Uint32Array(rows * cols)
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      table[i * cols + j] =
        midA[i] === midB[j]
          ? (table[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * cols + j] ?? 0, table[i * cols + j + 1] ?? 0)
    }
  }
  const ops: Op[] = a.slice(0, start).map((line) => ({kind: ' ', line}))
  let i = 0
  let j = 0
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      ops.push({kind: ' ', line: midA[i] as string})
      i++
      j++
    } else if (
      j < midB.length &&
      (i === midA.length || (table[i * cols + j + 1] ?? 0) >= (table[(i + 1) * cols + j] ?? 0))
    ) {
      ops.push({kind: '+', line: midB[j] as string})
      j++
    } else {
      ops.push({kind: '-', line: midA[i] as string})
      i++
    }
  }
  for (const line of a.slice(endA)) ops.push({kind: ' ', line})
  return ops
}
