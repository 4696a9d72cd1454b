/**
 * Differences between two texts, for the story revisions screen: lines first (Myers' shortest
 * edit script), then words inside the lines that changed, so a one-word fix shows as one word.
 */

/** A run of items both sides share, or that only one side has. */
export interface DiffRun<T> {
  kind: 'same' | 'added' | 'removed'
  items: T[]
}

/** One piece of a changed line. */
export interface WordPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/** One line of a text diff: kept, only in one side, or changed (then shown word by word). */
export type LineChange =
  { kind: 'same' | 'added' | 'removed'; text: string } | { kind: 'changed'; parts: WordPart[] }

/** Beyond this many differences the texts are shown as replaced wholesale (bounded time and memory). */
const MAX_EDITS = 2000

/**
 * The shortest runs of kept, removed and added items turning `before` into `after`.
 * @example diffSequences(['a', 'b'], ['a', 'c']) // same [a], removed [b], added [c]
 */
export function diffSequences<T>(before: readonly T[], after: readonly T[]): DiffRun<T>[] {
  // Common ends are cheap to strip and make the search proper much smaller.
  let start = 0
  while (start < before.length && start < after.length && before[start] === after[start]) start++
  let endB = before.length
  let endA = after.length
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--
    endA--
  }
  const steps: { kind: DiffRun<T>['kind']; item: T }[] = []
  for (let i = 0; i < start; i++) steps.push({ kind: 'same', item: before[i] as T })
  steps.push(...middle(before.slice(start, endB), after.slice(start, endA)))
  for (let i = endB; i < before.length; i++) steps.push({ kind: 'same', item: before[i] as T })
  return group(steps)
}

/** The edit steps for the differing middle, by Myers' greedy search over diagonals. */
function middle<T>(a: readonly T[], b: readonly T[]): { kind: DiffRun<T>['kind']; item: T }[] {
  const n = a.length
  const m = b.length
  const max = Math.min(n + m, MAX_EDITS)
  const offset = max + 1
  // v[offset + k]: the furthest x reached on diagonal k (x - y = k) with the current edit count.
  const v = new Int32Array(2 * max + 3)
  // trace[d]: the diagonals k = -d-1 … d+1 as they stood before step d, for walking back.
  const trace: Int32Array[] = []
  let found = -1
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = d
        break
      }
    }
  }
  if (found < 0) {
    // Too different to be worth the search: everything out, everything in.
    return [
      ...a.map((item) => ({ kind: 'removed' as const, item })),
      ...b.map((item) => ({ kind: 'added' as const, item })),
    ]
  }

  const reversed: { kind: DiffRun<T>['kind']; item: T }[] = []
  let x = n
  let y = m
  for (let d = found; d >= 0; d--) {
    const snapshot = trace[d] as Int32Array
    const at = (k: number): number => snapshot[k + d + 1] ?? 0
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      reversed.push({ kind: 'same', item: a[x - 1] as T })
      x--
      y--
    }
    if (d > 0) {
      if (down) reversed.push({ kind: 'added', item: b[y - 1] as T })
      else reversed.push({ kind: 'removed', item: a[x - 1] as T })
    }
    x = prevX
    y = prevY
  }
  return reversed.reverse()
}

function group<T>(steps: readonly { kind: DiffRun<T>['kind']; item: T }[]): DiffRun<T>[] {
  const runs: DiffRun<T>[] = []
  for (const step of steps) {
    const last = runs.at(-1)
    if (last?.kind === step.kind) last.items.push(step.item)
    else runs.push({ kind: step.kind, items: [step.item] })
  }
  return runs
}

/** Words and the spaces between them, so joining the tokens gives the text back. */
function words(line: string): string[] {
  return line.match(/\s+|[^\s]+/g) ?? []
}

/** The word-level difference of two lines. */
export function diffWords(before: string, after: string): WordPart[] {
  return diffSequences(words(before), words(after)).map((run) => ({
    kind: run.kind,
    text: run.items.join(''),
  }))
}

/**
 * A line-by-line diff of two texts where a removed line followed by an added one is shown as one
 * changed line, word by word.
 * @example diffText('The cat sat.', 'The dog sat.') // [{ kind: 'changed', parts: [...] }]
 */
export function diffText(before: string, after: string): LineChange[] {
  const lines = (text: string): string[] =>
    text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n')
  const runs = diffSequences(lines(before), lines(after))
  const out: LineChange[] = []
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as DiffRun<string>
    const next = runs[i + 1]
    if (run.kind === 'removed' && next?.kind === 'added') {
      const paired = Math.min(run.items.length, next.items.length)
      for (let j = 0; j < paired; j++) {
        out.push({ kind: 'changed', parts: diffWords(run.items[j] ?? '', next.items[j] ?? '') })
      }
      for (const text of run.items.slice(paired)) out.push({ kind: 'removed', text })
      for (const text of next.items.slice(paired)) out.push({ kind: 'added', text })
      i++
      continue
    }
    for (const text of run.items) out.push({ kind: run.kind, text })
  }
  return out
}
