/** bench/RESULTS.md from the measured results; the hand-written analysis section is kept. */
import type {Latency} from './measure'
import type {BenchResults, StageResult} from './run'

const ANALYSIS_START = '<!-- analysis:start (kept by bench/run.ts when it rewrites this file) -->'
const ANALYSIS_END = '<!-- analysis:end -->'
const LAKE_START = '<!-- lake:start (written by bench/lake.ts) -->'
const LAKE_END = '<!-- lake:end -->'

export function renderResultsMarkdown(results: BenchResults, previous?: string): string {
  const {machine, stages, queries, preview, corpus} = results
  const seconds = (stage: StageResult) =>
    `${fixed(stage.seconds.median)} s | ${fixed(stage.seconds.min)}–${fixed(stage.seconds.max)} s (${percent(stage.seconds.spread)}) | ${fixed(stage.cpuSeconds.median)} s | ${Math.round(stage.peakRssMb.max)} MB | ${Math.round(stage.postingsPerSecond)}`
  const latency = (value: Latency) =>
    `${fixed(value.p50)} ms | ${fixed(value.p95)} ms | ${fixed(value.max)} ms | ${value.samples}`
  const lines = [
    '# Benchmark results',
    '',
    `Measured by \`npm run bench -- --postings ${results.postings}\` on ${results.date.slice(0, 10)} (${results.date}).`,
    'Every heavy stage runs as its own process, start-up included, the way a user runs the command;',
    `wall time and peak RSS come from GNU time. Heavy stages are repeated ${results.repetitions} times`,
    '(interleaved: import, export, Hugo source, Hugo export per repetition); spread is (max − min) / median.',
    '',
    '## Machine and versions',
    '',
    `- ${machine.cpuModel}, ${machine.cores} cores available, ${machine.ramGb} GB RAM, ${machine.os}`,
    `- ${Object.entries(results.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
    `- The machine is shared with other work (1-minute load average ${machine.loadAverage.start.toFixed(1)} at the start, ${machine.loadAverage.end.toFixed(1)} at the end, on ${machine.cores} cores); medians damp that, and CPU seconds are less sensitive to it than wall time.`,
    '',
    '## Corpus',
    '',
    `${corpus.postings} generated postings (${(corpus.bytes / 1024 / 1024).toFixed(1)} MB of markdown, ` +
      `${corpus.languages.en} en / ${corpus.languages.sv} sv / ${corpus.languages.no} no, ` +
      `${corpus.drafts} drafts, ${corpus.blogStyle} blog-style), ${corpus.teams} teams, ${corpus.contacts} recruiters, ` +
      `${corpus.processes} distinct recruitment-process texts; recombined from ${corpus.sources.join(' and ')} ` +
      `in ${fixed(corpus.generateSeconds)} s.`,
    `The import made ${Object.entries(results.imported.counts)
      .map(([type, count]) => `${count} ${type}`)
      .join(', ')} (${results.imported.drafts} drafts; findings: ${
      Object.entries(results.imported.issues)
        .map(([severity, count]) => `${count} ${severity}`)
        .join(', ') || 'none'
    }).`,
    `The export wrote ${results.exported.postings} open postings; Hugo built ${results.exported.hugoPagesFromSource} pages from the source and ${results.exported.hugoPagesFromExport} from the export.`,
    '',
    '## Import, export and Hugo',
    '',
    '| stage | median wall | min–max (spread) | CPU (user+sys) | peak RSS | postings/s | ratio to Hugo (wall) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| import (\`npm run import\`, to NDJSON, with schema validation) | ${seconds(stages.import)} | ${fixed(results.ratios.importToHugoSource)}× |`,
    `| import without Sanity's validation (\`npm run import -- --no-validate\`) | ${seconds(stages.importCore)} | ${fixed(results.ratios.importCoreToHugoSource)}× |`,
    `| Hugo build of the source corpus | ${seconds(stages.hugoSource)} | 1× |`,
    `| export (\`npm run export\`, HTML site + Hugo markdown) | ${seconds(stages.export)} | ${fixed(results.ratios.exportToHugoExport)}× |`,
    `| Hugo build of the exported markdown | ${seconds(stages.hugoExport)} | 1× |`,
    '',
    '## Queries on the local dataset and the preview',
    '',
    `The dataset file loads in ${fixed(queries.loadMs)} ms; ${queries.openPostings} open postings, ${queries.teams} teams. ` +
      `Query process peak RSS ${Math.round(queries.peakRssMb)} MB, preview process ${Math.round(preview.peakRssMb)} MB.`,
    '',
    '| measurement | p50 | p95 | max | samples |',
    '| --- | --- | --- | --- | --- |',
    `| POSTING_BY_SLUG_QUERY | ${latency(queries.queries.bySlug)} |`,
    `| OPEN_POSTINGS_QUERY (all languages, ${queries.openListLength} cards) | ${latency(queries.queries.openList)} |`,
    `| OPEN_POSTINGS_BY_TEAM_QUERY | ${latency(queries.queries.byTeam)} |`,
    `| preview: renderPostingPage | ${latency(preview.render)} |`,
    `| preview keystroke: projectPosting + renderPostingPage | ${latency(preview.keystroke)} |`,
    '',
    '## Targets',
    '',
    '| target | measured | limit | |',
    '| --- | --- | --- | --- |',
    ...results.targets.map(
      (target) =>
        `| ${target.name} | ${fixed(target.measured)} ${target.unit} | ${fixed(target.target)} ${target.unit} | ${target.met ? 'met' : '**missed**'} |`,
    ),
    '',
  ]
  if (results.profile) {
    const {profile} = results
    lines.push(
      `## CPU profile of the ${profile.stage} stage`,
      '',
      `One extra run under \`node --cpu-prof\` (${fixed(profile.seconds)} s wall; ${fixed(profile.summary.busyMs / 1000)} s of CPU sampled on ${profile.summary.threads} threads, idle left out). Top self time:`,
      '',
      '| function | where | self | share |',
      '| --- | --- | --- | --- |',
      ...profile.summary.top.map(
        (hot) =>
          `| \`${hot.name}\` | ${hot.location} | ${Math.round(hot.selfMs)} ms | ${hot.percent.toFixed(1)}% |`,
      ),
      '',
      'The same time by package:',
      '',
      '| package | self | share |',
      '| --- | --- | --- |',
      ...profile.summary.packages.map(
        (owner) =>
          `| ${owner.name} | ${Math.round(owner.selfMs)} ms | ${owner.percent.toFixed(1)}% |`,
      ),
      '',
    )
  }
  lines.push(keptAnalysis(previous), '')
  // The local Content Lake's section (bench/lake.ts) stays until that stage rewrites it.
  const lakeStart = previous?.indexOf(LAKE_START) ?? -1
  const lakeEnd = previous?.indexOf(LAKE_END) ?? -1
  if (previous && lakeStart >= 0 && lakeEnd > lakeStart)
    lines.push(previous.slice(lakeStart, lakeEnd + LAKE_END.length), '')
  return lines.join('\n')
}

function keptAnalysis(previous: string | undefined): string {
  const start = previous?.indexOf(ANALYSIS_START) ?? -1
  const end = previous?.indexOf(ANALYSIS_END) ?? -1
  if (previous && start >= 0 && end > start) return previous.slice(start, end + ANALYSIS_END.length)
  return `${ANALYSIS_START}\n## Where the time goes and the plan\n\n(Not written yet.)\n${ANALYSIS_END}`
}

function fixed(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`
}
