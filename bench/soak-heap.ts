/**
 * Heap snapshots of a soak server and what grew between two of them: the server runs with
 * `--heapsnapshot-signal=SIGUSR2`, the soak signals it and reads the files V8 writes. Taking one
 * holds the process for a few seconds and needs about the heap's size again in memory, so it is
 * opt-in (`--heap-snapshots DIR`) and the memory check says the run was disturbed.
 */

import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as wait } from 'node:timers/promises'

/** The NODE_OPTIONS that make a server write a heap snapshot into `dir` on SIGUSR2. */
export function heapSnapshotOptions(dir: string): string {
  return `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}`
}

/**
 * Asks process `pid` for a heap snapshot and resolves with the file's path once V8 has
 * finished writing it (the JSON is whole), at most `timeoutMs` later.
 */
export async function takeHeapSnapshot(
  pid: number,
  dir: string,
  timeoutMs = 120_000,
): Promise<string> {
  const before = new Set(snapshotsIn(dir))
  process.kill(pid, 'SIGUSR2')
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    await wait(250)
    const file = snapshotsIn(dir).find((name) => !before.has(name) && name.includes(`.${pid}.`))
    if (file !== undefined && endsWhole(path.join(dir, file))) return path.join(dir, file)
  }
  throw new Error(`no heap snapshot of ${pid} within ${timeoutMs / 1000} s`)
}

/** One kind of heap object: V8's node type and, for objects, its constructor's name. */
export interface HeapGrowthRow {
  kind: string
  bytes: number
  count: number
  grewBytes: number
  grewCount: number
}

/** Sizes of two snapshots and the `top` kinds whose total size changed most between them. */
export function heapGrowth(
  firstFile: string,
  secondFile: string,
  top = 12,
): { firstBytes: number; secondBytes: number; rows: HeapGrowthRow[] } {
  const first = summarise(firstFile)
  const second = summarise(secondFile)
  const kinds = new Set([...first.kinds.keys(), ...second.kinds.keys()])
  const rows = [...kinds].map((kind) => {
    const was = first.kinds.get(kind) ?? { bytes: 0, count: 0 }
    const now = second.kinds.get(kind) ?? { bytes: 0, count: 0 }
    return {
      kind,
      bytes: now.bytes,
      count: now.count,
      grewBytes: now.bytes - was.bytes,
      grewCount: now.count - was.count,
    }
  })
  rows.sort((a, b) => Math.abs(b.grewBytes) - Math.abs(a.grewBytes))
  return { firstBytes: first.bytes, secondBytes: second.bytes, rows: rows.slice(0, top) }
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  nodes: number[]
  strings: string[]
}

/** Self sizes summed by kind: objects and closures by name, everything else by V8's type. */
function summarise(file: string): {
  bytes: number
  kinds: Map<string, { bytes: number; count: number }>
} {
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot
  const fields = snapshot.snapshot.meta.node_fields
  const types = snapshot.snapshot.meta.node_types[0]
  const typeAt = fields.indexOf('type')
  const nameAt = fields.indexOf('name')
  const sizeAt = fields.indexOf('self_size')
  const { nodes, strings } = snapshot
  const kinds = new Map<string, { bytes: number; count: number }>()
  let bytes = 0
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt] ?? -1] ?? '?'
    const named = type === 'object' || type === 'closure' || type === 'native'
    const kind = named
      ? `${type} ${(strings[nodes[i + nameAt] ?? -1] ?? '').slice(0, 60)}`
      : `(${type})`
    const size = nodes[i + sizeAt] ?? 0
    const tally = kinds.get(kind) ?? { bytes: 0, count: 0 }
    tally.bytes += size
    tally.count += 1
    kinds.set(kind, tally)
    bytes += size
  }
  return { bytes, kinds }
}

function snapshotsIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.endsWith('.heapsnapshot'))
}

/** True when the file's JSON is closed (V8 writes it from start to end, then closes it). */
function endsWhole(file: string): boolean {
  const size = fs.statSync(file).size
  if (size < 2) return false
  const fd = fs.openSync(file, 'r')
  try {
    const tail = Buffer.alloc(Math.min(16, size))
    fs.readSync(fd, tail, 0, tail.length, size - tail.length)
    return tail.toString('utf8').trimEnd().endsWith('}')
  } finally {
    fs.closeSync(fd)
  }
}
