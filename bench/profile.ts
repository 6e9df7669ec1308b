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
  totalMs: number
  top: HotFunction[]
}

export function summariseProfile(file: string, projectRoot: string, limit = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const selfMicros = new Map<string, {name: string; location: string; micros: number}>()
  let totalMicros = 0
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index] ?? 0
    totalMicros += delta
    const frame = frames.get(nodeId)
    if (!frame) return
    const location = frame.url
      ? `${shortPath(frame.url, projectRoot)}:${frame.lineNumber + 1}`
      : '(native)'
    const name = frame.functionName || '(anonymous)'
    const key = `${name} ${location}`
    const entry = selfMicros.get(key) ?? {name, location, micros: 0}
    entry.micros += delta
    selfMicros.set(key, entry)
  })
  const top = [...selfMicros.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, limit)
    .map((entry) => ({
      name: entry.name,
      location: entry.location,
      selfMs: entry.micros / 1000,
      percent: totalMicros > 0 ? (100 * entry.micros) / totalMicros : 0,
    }))
  return {totalMs: totalMicros / 1000, top}
}

function shortPath(url: string, projectRoot: string): string {
  const filePath = url.startsWith('file://') ? new URL(url).pathname : url
  const modules = filePath.lastIndexOf('/node_modules/')
  if (modules >= 0) return filePath.slice(modules + 1)
  return path.relative(projectRoot, filePath) || filePath
}
