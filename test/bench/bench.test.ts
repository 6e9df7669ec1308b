/**
 * Smoke test of `npm run bench` at a small size: every stage runs and the reports are complete
 * and well-formed. No timing assertions: speed is judged from the full benchmark, not from CI.
 */
import {execFile} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'

import {describe, expect, it} from 'vitest'

import {generateCorpus} from '../../bench/generate'
import type {BenchResults} from '../../bench/run'

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SOURCES = [
  path.join(PROJECT_ROOT, 'examples', 'content'),
  path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'content'),
]
const run = promisify(execFile)

function readTree(directory: string): Map<string, string> {
  return new Map(
    readdirSync(directory, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name)
        return [path.relative(directory, file), readFileSync(file, 'utf8')] as const
      }),
  )
}

describe('benchmark corpus', () => {
  it('is the same, byte for byte, for the same size and seed', () => {
    const first = generateCorpus({
      postings: 30,
      outDir: mkdtempSync(path.join(tmpdir(), 'bench-a-')),
      sources: SOURCES,
    })
    const second = generateCorpus({
      postings: 30,
      outDir: mkdtempSync(path.join(tmpdir(), 'bench-b-')),
      sources: SOURCES,
    })
    const firstFiles = readTree(first.contentDir)
    expect(firstFiles.size).toBe(30)
    expect(readTree(second.contentDir)).toEqual(firstFiles)
    expect(first.languages.en + first.languages.sv + first.languages.no).toBe(30)
    for (const text of firstFiles.values()) expect(text).toMatch(/^---\n[\s\S]+?\n---\n\n\S/)
  })

  it('refuses a size that is not a positive whole number', () => {
    expect(() => generateCorpus({postings: 0, outDir: tmpdir(), sources: SOURCES})).toThrow(
      /--postings must be a whole number/,
    )
  })
})

describe('npm run bench at 50 postings', () => {
  it('runs every stage and writes complete results', {timeout: 600_000}, async () => {
    const workDir = mkdtempSync(path.join(tmpdir(), 'bench-smoke-'))
    const reportDir = path.join(workDir, 'report')
    const {stdout} = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/run.ts',
        '--postings=50',
        '--repetitions=1',
        '--query-runs=20',
        '--render-runs=20',
        '--latency-budget=1',
        '--profile=none',
        '--lake-samples=20',
        '--lake-seconds=1',
        '--lake-kills=2',
        `--work-dir=${workDir}`,
        `--report-dir=${reportDir}`,
      ],
      {cwd: PROJECT_ROOT, env: {...process.env, SANITY_TELEMETRY_DISABLED: '1'}},
    )
    expect(stdout).toContain('ratio to Hugo')

    const results = JSON.parse(
      readFileSync(path.join(reportDir, 'results.json'), 'utf8'),
    ) as BenchResults
    expect(results.postings).toBe(50)
    expect(results.corpus.postings).toBe(50)
    expect(results.imported.counts.posting).toBe(50)
    expect(results.imported.drafts).toBe(results.corpus.drafts)
    // Drafts are neither exported nor built by Hugo.
    expect(results.exported.postings).toBe(50 - results.corpus.drafts)
    expect(results.exported.hugoPagesFromExport).toBeGreaterThanOrEqual(results.exported.postings)
    expect(results.exported.hugoPagesFromSource).toBeGreaterThanOrEqual(50 - results.corpus.drafts)
    for (const stage of Object.values(results.stages)) {
      expect(stage.seconds.samples).toBe(1)
      expect(stage.seconds.median).toBeGreaterThan(0)
      expect(stage.peakRssMb.median).toBeGreaterThan(0)
      expect(stage.postingsPerSecond).toBeGreaterThan(0)
    }
    for (const value of [
      ...Object.values(results.queries.queries),
      results.preview.render,
      results.preview.keystroke,
    ]) {
      expect(value.samples).toBeGreaterThan(0)
      expect(value.p50).toBeLessThanOrEqual(value.p95)
      expect(value.p95).toBeLessThanOrEqual(value.max)
    }
    expect(results.targets.map((target) => target.name)).toHaveLength(6)
    expect(results.versions.hugo).toMatch(/^v0\.\d+/)
    expect(results.machine.cores).toBeGreaterThan(0)

    const markdown = readFileSync(path.join(reportDir, 'RESULTS.md'), 'utf8')
    for (const heading of ['## Machine and versions', '## Import, export and Hugo', '## Targets'])
      expect(markdown).toContain(heading)
    expect(markdown).toContain(`${results.queries.queries.bySlug.samples} |`)
    expect(markdown).not.toMatch(/NaN|undefined/)

    const lake = JSON.parse(readFileSync(path.join(reportDir, 'lake-results.json'), 'utf8')) as {
      datasets: {postings: number; kills: {runs: number; acknowledgedLost: number}}[]
    }
    expect(lake.datasets[0]).toMatchObject({postings: 50, kills: {runs: 2, acknowledgedLost: 0}})
    expect(markdown).toContain('## Local Content Lake')
  })
})
