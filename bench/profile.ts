/** Where a stage spends its time: the top self-time functions of a V8 CPU profile (.cpuprofile). */
import {readFileSync} from 'node:fs'
import path from 'node:path'

interface CpuProfileNode {
  id: number
  callFrame: {functionName: string; url: string; lineNumber: number}
}

interface CpuProfile {
  nodes: CpuProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface HotFunction {
  name: string
  /** file:line, relative to the project (node_modules paths shortened to the package). */
  location: string
  selfMs: number
  /** Share of the profile's total sampled time. */
  percent: number
}

export interface ProfileSummary {
  /** Threads profiled: the main thread and any workers. */
  threads: number
  /** Sampled time on all threads, idle excluded: where the CPU went. */
  busyMs: number
  top: HotFunction[]
  /** The same time by package (node_modules), project folder, or `(native)`. */
  packages: {name: string; selfMs: number; percent: number}[]
}

/**
 * Sum the profiles of every thread of one run (`--cpu-prof` writes one per thread, so a stage that
 * works in worker threads is not summed as an idle main thread). Idle samples are left out.
 */
export function summariseProfiles(
  files: readonly string[],
  projectRoot: string,
  limit = 15,
): ProfileSummary {
  const selfMicros = new Map<string, {name: string; location: string; micros: number}>()
  const packageMicros = new Map<string, number>()
  let busyMicros = 0
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
    profile.samples.forEach((nodeId, index) => {
      const frame = frames.get(nodeId)
      if (!frame || frame.functionName === '(idle)') return
      const delta = profile.timeDeltas[index] ?? 0
      busyMicros += delta
      const location = frame.url
        ? `${shortPath(frame.url, projectRoot)}:${frame.lineNumber + 1}`
        : '(native)'
      const name = shortName(frame.functionName || '(anonymous)')
      const key = `${name} ${location}`
      const entry = selfMicros.get(key) ?? {name, location, micros: 0}
      entry.micros += delta
      selfMicros.set(key, entry)
      const owner = packageOf(location)
      packageMicros.set(owner, (packageMicros.get(owner) ?? 0) + delta)
    })
  }
  const share = (micros: number) => (busyMicros > 0 ? (100 * micros) / busyMicros : 0)
  const top = [...selfMicros.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, limit)
    .map((entry) => ({
      name: entry.name,
      location: entry.location,
      selfMs: entry.micros / 1000,
      percent: share(entry.micros),
    }))
  const packages = [...packageMicros]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([name, micros]) => ({name, selfMs: micros / 1000, percent: share(micros)}))
  return {threads: files.length, busyMs: busyMicros / 1000, top, packages}
}

/** `node_modules/rxjs/dist/…` → `rxjs`, `lib/import/body.ts:3` → `lib/import`. */
function packageOf(location: string): string {
  if (location.startsWith('node_modules/')) {
    const [, scopeOrName, name] = location.split('/')
    return scopeOrName?.startsWith('@') ? `${scopeOrName}/${name}` : (scopeOrName ?? location)
  }
  if (location.startsWith('node:')) return 'node (built-in modules)'
  if (location === '(native)') return '(native: garbage collector, V8, I/O)'
  return location.split('/').slice(0, 2).join('/')
}

/** V8 names a regular expression by its whole source: keep the table readable. */
function shortName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}…` : name
}

function shortPath(url: string, projectRoot: string): string {
  const filePath = url.startsWith('file://') ? new URL(url).pathname : url
  const modules = filePath.lastIndexOf('/node_modules/')
  if (modules >= 0) return filePath.slice(modules + 1)
  return path.relative(projectRoot, filePath) || filePath
}
