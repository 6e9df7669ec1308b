/**
 * Running a stage as its own process and reading what it cost: wall time and peak RSS from GNU
 * time (the kernel's rusage of the child and its descendants), so Node stages and Hugo are
 * measured the same way, start-up included, as a user running the command would see them.
 */
import {spawn} from 'node:child_process'

export const GNU_TIME = '/usr/bin/time'

export interface ProcessRun {
  seconds: number
  /** User + system CPU seconds: steadier than wall time when other work shares the machine. */
  cpuSeconds: number
  peakRssMb: number
  stdout: string
  stderr: string
}

/** Marks GNU time's own line in stderr, so it is found whatever the command printed. */
const TIME_MARKER = '__bench_time__'

export function runMeasured(
  command: string,
  args: readonly string[],
  options: {cwd?: string; env?: NodeJS.ProcessEnv} = {},
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(GNU_TIME, ['-f', `${TIME_MARKER} %e %M %U %S`, command, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const errorText = Buffer.concat(stderr).toString('utf8')
      const timing = errorText
        .split('\n')
        .reverse()
        .find((line) => line.startsWith(TIME_MARKER))
      const stderrText = errorText
        .split('\n')
        .filter((line) => !line.startsWith(TIME_MARKER) && !line.startsWith('Command exited'))
        .join('\n')
      const outText = Buffer.concat(stdout).toString('utf8')
      if (code !== 0 || !timing) {
        reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code}:\n${stderrText.slice(-4000) || outText.slice(-4000)}`,
          ),
        )
        return
      }
      const [, seconds, rssKb, user, system] = timing.split(' ')
      resolve({
        seconds: Number(seconds),
        cpuSeconds: Number(user) + Number(system),
        peakRssMb: Number(rssKb) / 1024,
        stdout: outText,
        stderr: stderrText,
      })
    })
  })
}

export interface Summary {
  median: number
  min: number
  max: number
  /** (max − min) / median: how much the repetitions disagree. */
  spread: number
  samples: number
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('Nothing was measured.')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
  const min = sorted[0] as number
  const max = sorted[sorted.length - 1] as number
  return {median, min, max, spread: median > 0 ? (max - min) / median : 0, samples: values.length}
}

export interface Latency {
  p50: number
  p95: number
  max: number
  samples: number
}

/** Nearest-rank percentiles of latencies in milliseconds. */
export function latency(values: readonly number[]): Latency {
  if (values.length === 0) throw new Error('Nothing was measured.')
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (percent: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((percent / 100) * sorted.length) - 1)] as number
  return {
    p50: rank(50),
    p95: rank(95),
    max: sorted[sorted.length - 1] as number,
    samples: values.length,
  }
}
