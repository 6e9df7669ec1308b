/**
 * The benchmark: `npm run bench [-- --postings N]`. Generates a synthetic Hugo corpus, then
 * measures, each stage in its own process and repeated, the import, the export, Hugo building
 * the source and the exported markdown (the anchor), the website's queries on the local dataset
 * and the Studio preview render. Writes bench/results.json and bench/RESULTS.md.
 */
import {execFileSync} from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {Command} from 'commander'

import {generateCorpus, type GeneratedCorpus} from './generate'
import {runLakeBench} from './lake'
import {runMeasured, summarise, type Latency, type ProcessRun, type Summary} from './measure'
import {summariseProfiles, type ProfileSummary} from './profile'
import {renderResultsMarkdown} from './report'

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))
const HUGO = '/usr/bin/hugo'
const HUGO_SITE = path.join(PROJECT_ROOT, 'hugo-site')

export const TARGETS = {
  importPeakRssMb: 512,
  bySlugP95Ms: 5,
  openListP95Ms: 50,
  previewRenderP95Ms: 5,
} as const

interface CliOptions {
  postings: string
  repetitions: string
  queryRuns: string
  renderRuns: string
  latencyBudget: string
  workDir: string
  reportDir: string
  profile: string
  lakeSamples: string
  lakeSeconds: string
  lakeKills: string
}

export interface StageResult {
  seconds: Summary
  cpuSeconds: Summary
  peakRssMb: Summary
  postingsPerSecond: number
}

export interface QueryStage {
  loadMs: number
  openPostings: number
  openListLength: number
  teams: number
  peakRssMb: number
  queries: {bySlug: Latency; openList: Latency; byTeam: Latency}
}

export interface PreviewStage {
  postings: number
  peakRssMb: number
  render: Latency
  keystroke: Latency
}

export interface TargetCheck {
  name: string
  measured: number
  target: number
  unit: string
  met: boolean
}

export interface BenchResults {
  date: string
  machine: {
    cpuModel: string
    cores: number
    ramGb: number
    os: string
    /** 1-minute load averages when the run started and ended: how busy the shared machine was. */
    loadAverage: {start: number; end: number}
  }
  versions: Record<string, string>
  postings: number
  repetitions: number
  corpus: Omit<GeneratedCorpus, 'contentDir' | 'sources'> & {
    sources: string[]
    generateSeconds: number
  }
  imported: {counts: Record<string, number>; drafts: number; issues: Record<string, number>}
  exported: {postings: number; hugoPagesFromSource: number; hugoPagesFromExport: number}
  stages: {
    import: StageResult
    importCore: StageResult
    export: StageResult
    hugoSource: StageResult
    hugoExport: StageResult
  }
  ratios: {importToHugoSource: number; importCoreToHugoSource: number; exportToHugoExport: number}
  queries: QueryStage
  preview: PreviewStage
  targets: TargetCheck[]
  profile?: {stage: string; seconds: number; summary: ProfileSummary}
}

const program = new Command('bench')
  .description('Benchmark import, export, queries and preview against Hugo.')
  .option('--postings <n>', 'postings in the synthetic corpus', '10000')
  .option('--repetitions <n>', 'runs of each heavy stage (import, export, Hugo)', '3')
  .option('--query-runs <n>', 'runs of each query', '200')
  .option('--render-runs <n>', 'runs of the preview render', '500')
  .option('--latency-budget <seconds>', 'stop a latency series after this long', '30')
  .option('--work-dir <dir>', 'scratch directory (corpus, dataset, outputs)', 'bench/out')
  .option('--report-dir <dir>', 'where results.json and RESULTS.md go', 'bench')
  .option(
    '--profile <stage>',
    'CPU-profile a stage: auto (worst miss), none, import, export',
    'auto',
  )
  .option('--lake-samples <n>', 'sequential mutations on the local Content Lake', '500')
  .option('--lake-seconds <n>', 'how long 20 clients write to the local Content Lake', '10')
  .option('--lake-kills <n>', 'kill -9 rounds of the local Content Lake', '10')
  .action(run)

function positiveInteger(value: string, name: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`--${name} must be a whole number of at least 1, not "${value}".`)
  return number
}

async function run(options: CliOptions): Promise<void> {
  const postings = positiveInteger(options.postings, 'postings')
  const repetitions = positiveInteger(options.repetitions, 'repetitions')
  const queryRuns = positiveInteger(options.queryRuns, 'query-runs')
  const renderRuns = positiveInteger(options.renderRuns, 'render-runs')
  const budget = Number(options.latencyBudget)
  if (!(budget > 0)) throw new Error(`--latency-budget must be a positive number of seconds.`)
  if (!['auto', 'none', 'import', 'export'].includes(options.profile))
    throw new Error(`--profile must be auto, none, import or export, not "${options.profile}".`)
  const workDir = path.resolve(options.workDir)
  const reportDir = path.resolve(options.reportDir)
  const paths = {
    dataset: path.join(workDir, 'data', 'bench.ndjson'),
    coreDataset: path.join(workDir, 'data', 'bench-unvalidated.ndjson'),
    site: path.join(workDir, 'export', 'site'),
    hugoContent: path.join(workDir, 'export', 'hugo'),
    hugoSite: path.join(workDir, 'hugo-site'),
    publicSource: path.join(workDir, 'public-source'),
    publicExport: path.join(workDir, 'public-export'),
    profiles: path.join(workDir, 'profiles'),
  }
  mkdirSync(workDir, {recursive: true})
  const loadAtStart = os.loadavg()[0] ?? 0
  log(`Generating ${postings} postings…`)
  const generateStart = performance.now()
  const corpus = generateCorpus({
    postings,
    outDir: path.join(workDir, 'corpus'),
    sources: [
      path.join(PROJECT_ROOT, 'examples', 'content'),
      path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'content'),
    ],
  })
  const generateSeconds = (performance.now() - generateStart) / 1000
  prepareHugoSite(paths.hugoSite)

  const nodeStage = (script: string, args: string[], profileDir?: string) =>
    runMeasured(
      process.execPath,
      [
        ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
        '--import',
        'tsx',
        path.join(PROJECT_ROOT, script),
        ...args,
      ],
      {cwd: PROJECT_ROOT, env: {...process.env, SANITY_TELEMETRY_DISABLED: '1'}},
    )
  const importArgs = [corpus.contentDir, '--out', paths.dataset, '--json']
  const exportArgs = ['--from', paths.dataset, '--out', paths.site, '--hugo-out', paths.hugoContent]
  const hugoBuild = (contentDir: string, destination: string) => {
    rmSync(destination, {recursive: true, force: true})
    return runMeasured(HUGO, [
      '--source',
      paths.hugoSite,
      '--contentDir',
      contentDir,
      '--destination',
      destination,
      '--cacheDir',
      path.join(workDir, 'hugo-cache'),
      '--quiet',
    ])
  }

  const runs: Record<keyof BenchResults['stages'], ProcessRun[]> = {
    import: [],
    importCore: [],
    export: [],
    hugoSource: [],
    hugoExport: [],
  }
  // Stages interleaved per repetition, so a slow moment on a shared machine hits all of them.
  for (let repetition = 1; repetition <= repetitions; repetition++) {
    log(`Repetition ${repetition}/${repetitions}: import…`)
    // Each import starts from nothing: no previous dataset to merge failed files from.
    rmSync(paths.dataset, {force: true})
    runs.import.push(await nodeStage('scripts/import.ts', importArgs))
    runs.importCore.push(
      await nodeStage('scripts/import.ts', [
        corpus.contentDir,
        '--out',
        paths.coreDataset,
        '--json',
        '--no-validate',
      ]),
    )
    log(`Repetition ${repetition}/${repetitions}: export…`)
    runs.export.push(await nodeStage('scripts/export.ts', exportArgs))
    log(`Repetition ${repetition}/${repetitions}: Hugo (source, exported)…`)
    runs.hugoSource.push(await hugoBuild(corpus.contentDir, paths.publicSource))
    runs.hugoExport.push(
      await hugoBuild(path.join(paths.hugoContent, 'content'), paths.publicExport),
    )
  }
  const importReport = parseImportReport(runs.import.at(-1)?.stdout ?? '')
  const exportedPostings = countFiles(path.join(paths.hugoContent, 'content'), '.md')
  const stage = (processRuns: ProcessRun[], count: number): StageResult => {
    const seconds = summarise(processRuns.map((processRun) => processRun.seconds))
    return {
      seconds,
      cpuSeconds: summarise(processRuns.map((processRun) => processRun.cpuSeconds)),
      peakRssMb: summarise(processRuns.map((processRun) => processRun.peakRssMb)),
      postingsPerSecond: count / seconds.median,
    }
  }
  const stages = {
    import: stage(runs.import, postings),
    importCore: stage(runs.importCore, postings),
    export: stage(runs.export, exportedPostings),
    hugoSource: stage(runs.hugoSource, postings),
    hugoExport: stage(runs.hugoExport, exportedPostings),
  }

  log('Queries on the local dataset…')
  const queryRun = await nodeStage('bench/latency.ts', [
    'queries',
    paths.dataset,
    String(queryRuns),
    String(budget),
  ])
  const queries = {
    ...(JSON.parse(queryRun.stdout) as Omit<QueryStage, 'peakRssMb'>),
    peakRssMb: queryRun.peakRssMb,
  }
  log('Preview render…')
  const previewRun = await nodeStage('bench/latency.ts', [
    'preview',
    paths.dataset,
    String(renderRuns),
    String(budget),
  ])
  const preview = {
    ...(JSON.parse(previewRun.stdout) as Omit<PreviewStage, 'peakRssMb'>),
    peakRssMb: previewRun.peakRssMb,
  }

  const ratios = {
    importToHugoSource: stages.import.seconds.median / stages.hugoSource.seconds.median,
    importCoreToHugoSource: stages.importCore.seconds.median / stages.hugoSource.seconds.median,
    exportToHugoExport: stages.export.seconds.median / stages.hugoExport.seconds.median,
  }
  const targets = checkTargets(stages, queries, preview)

  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {...machine(), loadAverage: {start: loadAtStart, end: os.loadavg()[0] ?? 0}},
    versions: versions(),
    postings,
    repetitions,
    corpus: {
      postings: corpus.postings,
      bytes: corpus.bytes,
      drafts: corpus.drafts,
      blogStyle: corpus.blogStyle,
      languages: corpus.languages,
      teams: corpus.teams,
      contacts: corpus.contacts,
      processes: corpus.processes,
      sources: corpus.sources.map((source) => path.relative(PROJECT_ROOT, source)),
      generateSeconds,
    },
    imported: importReport,
    exported: {
      postings: exportedPostings,
      hugoPagesFromSource: countFiles(paths.publicSource, 'index.html'),
      hugoPagesFromExport: countFiles(paths.publicExport, 'index.html'),
    },
    stages,
    ratios,
    queries,
    preview,
    targets,
  }

  const profiled = stageToProfile(options.profile, ratios)
  if (profiled) {
    log(`CPU profile of the ${profiled} stage…`)
    rmSync(paths.profiles, {recursive: true, force: true})
    if (profiled === 'import') rmSync(paths.dataset, {force: true})
    const profiledRun = await nodeStage(
      profiled === 'import' ? 'scripts/import.ts' : 'scripts/export.ts',
      profiled === 'import' ? importArgs : exportArgs,
      paths.profiles,
    )
    const profileFiles = readdirSync(paths.profiles)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => path.join(paths.profiles, name))
    if (profileFiles.length === 0)
      throw new Error(`No .cpuprofile was written to ${paths.profiles}.`)
    results.profile = {
      stage: profiled,
      seconds: profiledRun.seconds,
      summary: summariseProfiles(profileFiles, PROJECT_ROOT),
    }
  }

  mkdirSync(reportDir, {recursive: true})
  writeFileSync(path.join(reportDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
  const markdownFile = path.join(reportDir, 'RESULTS.md')
  const previous = existsSync(markdownFile) ? readFileSync(markdownFile, 'utf8') : undefined
  writeFileSync(markdownFile, renderResultsMarkdown(results, previous))
  log('The local Content Lake on the imported dataset…')
  await runLakeBench([paths.dataset], {
    workDir: path.join(workDir, 'lake'),
    reportDir,
    samples: positiveInteger(options.lakeSamples, 'lake-samples'),
    clients: 20,
    seconds: positiveInteger(options.lakeSeconds, 'lake-seconds'),
    kills: positiveInteger(options.lakeKills, 'lake-kills'),
  })
  process.stdout.write(`${summaryTable(results)}\n`)
  log(`Wrote ${path.join(reportDir, 'results.json')} and ${markdownFile}.`)
}

/** Our Hugo check site (config and shortcode templates) copied into the scratch directory. */
function prepareHugoSite(target: string): void {
  rmSync(target, {recursive: true, force: true})
  mkdirSync(target, {recursive: true})
  // Generated pages recombine segments whose `ref` links name pages of the source site, which the
  // synthetic corpus may not contain: a warning for Hugo, as the import reports them too.
  const config = readFileSync(path.join(HUGO_SITE, 'hugo.toml'), 'utf8')
  writeFileSync(path.join(target, 'hugo.toml'), `refLinksErrorLevel = "WARNING"\n${config}`)
  cpSync(path.join(HUGO_SITE, 'layouts'), path.join(target, 'layouts'), {recursive: true})
}

function parseImportReport(stdout: string): BenchResults['imported'] {
  const report = JSON.parse(stdout) as {
    counts: Record<string, number>
    drafts: number
    failedFiles: number
    issues: {severity: string}[]
  }
  if (report.failedFiles > 0)
    throw new Error(`The import failed on ${report.failedFiles} generated files.`)
  const issues: Record<string, number> = {}
  for (const issue of report.issues) issues[issue.severity] = (issues[issue.severity] ?? 0) + 1
  return {counts: report.counts, drafts: report.drafts, issues}
}

function countFiles(directory: string, suffix: string): number {
  if (!existsSync(directory)) return 0
  return readdirSync(directory, {recursive: true, encoding: 'utf8'}).filter((name) =>
    name.endsWith(suffix),
  ).length
}

function checkTargets(
  stages: BenchResults['stages'],
  queries: QueryStage,
  preview: PreviewStage,
): TargetCheck[] {
  const check = (name: string, measured: number, target: number, unit: string) => ({
    name,
    measured,
    target,
    unit,
    met: measured <= target,
  })
  return [
    check(
      'import time ≤ Hugo build of the source',
      stages.import.seconds.median,
      stages.hugoSource.seconds.median,
      's',
    ),
    check('import peak RSS', stages.import.peakRssMb.max, TARGETS.importPeakRssMb, 'MB'),
    check(
      'export time ≤ Hugo build of the export',
      stages.export.seconds.median,
      stages.hugoExport.seconds.median,
      's',
    ),
    check('posting by slug p95', queries.queries.bySlug.p95, TARGETS.bySlugP95Ms, 'ms'),
    check('open postings list p95', queries.queries.openList.p95, TARGETS.openListP95Ms, 'ms'),
    check('preview render p95', preview.render.p95, TARGETS.previewRenderP95Ms, 'ms'),
  ]
}

/** The heavy stage furthest over its Hugo anchor, when any is. */
function stageToProfile(
  choice: string,
  ratios: BenchResults['ratios'],
): 'import' | 'export' | undefined {
  if (choice === 'import' || choice === 'export') return choice
  if (choice === 'none') return undefined
  const worst = ratios.importToHugoSource >= ratios.exportToHugoExport ? 'import' : 'export'
  return Math.max(ratios.importToHugoSource, ratios.exportToHugoExport) > 1 ? worst : undefined
}

function machine(): Omit<BenchResults['machine'], 'loadAverage'> {
  const cpus = os.cpus()
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
  }
}

function versions(): Record<string, string> {
  const packageVersion = (name: string) =>
    (
      JSON.parse(
        readFileSync(path.join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8'),
      ) as {version: string}
    ).version
  const hugo = execFileSync(HUGO, ['version'], {encoding: 'utf8'}).trim()
  return {
    node: process.version,
    hugo: /v[\d.]+\S*/.exec(hugo)?.[0] ?? hugo,
    ...Object.fromEntries(
      ['sanity', 'groq-js', '@portabletext/markdown', '@portabletext/to-html', 'yaml', 'tsx'].map(
        (name) => [name, packageVersion(name)],
      ),
    ),
  }
}

function summaryTable(results: BenchResults): string {
  const {stages, queries, preview} = results
  const row = (name: string, value: string, ratio = '') =>
    `${name.padEnd(34)} ${value.padEnd(34)} ${ratio}`
  const seconds = (stage: StageResult) =>
    `${stage.seconds.median.toFixed(2)} s (${stage.seconds.min.toFixed(2)}–${stage.seconds.max.toFixed(2)}), ${Math.round(stage.peakRssMb.max)} MB`
  const ms = (value: Latency) => `p50 ${value.p50.toFixed(2)} ms, p95 ${value.p95.toFixed(2)} ms`
  return [
    '',
    `${results.postings} postings, ${results.repetitions} repetitions`,
    row('stage', 'median (min–max), peak RSS', 'ratio to Hugo'),
    row('import', seconds(stages.import), `${results.ratios.importToHugoSource.toFixed(2)}×`),
    row(
      'import without schema validation',
      seconds(stages.importCore),
      `${results.ratios.importCoreToHugoSource.toFixed(2)}×`,
    ),
    row('Hugo build of the source', seconds(stages.hugoSource), '1.00×'),
    row('export', seconds(stages.export), `${results.ratios.exportToHugoExport.toFixed(2)}×`),
    row('Hugo build of the export', seconds(stages.hugoExport), '1.00×'),
    row('query: posting by slug', ms(queries.queries.bySlug)),
    row('query: open postings', ms(queries.queries.openList)),
    row('query: postings by team', ms(queries.queries.byTeam)),
    row('preview render', ms(preview.render)),
    row('preview projection + render', ms(preview.keystroke)),
    '',
    ...results.targets.map(
      (target) =>
        `${target.met ? 'met   ' : 'MISSED'} ${target.name}: ${target.measured.toFixed(2)} ${target.unit} (target ${target.target.toFixed(2)} ${target.unit})`,
    ),
  ].join('\n')
}

function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
