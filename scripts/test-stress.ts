/**
 * The test suite under load, as CI's busy 2-core machines run it: Vitest several times in a row
 * while CPU-bound processes occupy cores. A test that only passes on a quiet machine fails here.
 *
 *   npm run test:stress                          # three runs, one core busy
 *   npm run test:stress -- --runs 5 --busy-cores 2 -- test/plugin
 *
 * Arguments after `--` go to Vitest (a file filter, `-t`). Prints each run's counts and exits
 * non-zero if any run had a failure.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {once} from 'node:events'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {Command, InvalidArgumentError} from 'commander'

interface VitestJsonReport {
  numTotalTests: number
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  testResults: {name: string; assertionResults: {fullName: string; status: string}[]}[]
}

interface RunOutcome {
  exitCode: number | null
  seconds: number
  report: VitestJsonReport | undefined
}

const program = new Command('test:stress')
  .description('Run the Vitest suite several times in a row while other processes load the CPU.')
  .option('--runs <count>', 'how many consecutive runs', positiveInteger, 3)
  .option('--busy-cores <count>', 'cores kept busy by a CPU-bound loop meanwhile', wholeNumber, 1)
  .argument('[vitest...]', 'arguments passed on to `vitest run`')
  .action(async (vitestArgs: string[], options: {runs: number; busyCores: number}) => {
    const load = Array.from({length: options.busyCores}, busyLoop)
    const outcomes: RunOutcome[] = []
    try {
      for (let run = 1; run <= options.runs; run++) {
        console.log(`\n=== run ${run} of ${options.runs}, ${options.busyCores} core(s) busy ===`)
        outcomes.push(await runVitest(vitestArgs))
      }
    } finally {
      for (const child of load) child.kill('SIGKILL')
    }
    console.log(`\n=== ${options.runs} runs under load ===`)
    outcomes.forEach((outcome, index) => console.log(`run ${index + 1}: ${describe(outcome)}`))
    if (outcomes.some((outcome) => outcome.exitCode !== 0)) process.exitCode = 1
  })

/** A process that does nothing but spin one core until it is killed. */
function busyLoop(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], {stdio: 'ignore'})
  child.unref()
  return child
}

async function runVitest(vitestArgs: string[]): Promise<RunOutcome> {
  const reportDir = await mkdtemp(join(tmpdir(), 'test-stress-'))
  const reportFile = join(reportDir, 'report.json')
  const started = performance.now()
  try {
    const child = spawn(
      'npx',
      [
        'vitest',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${reportFile}`,
        ...vitestArgs,
      ],
      {stdio: 'inherit'},
    )
    const [exitCode] = (await once(child, 'exit')) as [number | null]
    const report = await readFile(reportFile, 'utf8').then(
      (text) => JSON.parse(text) as VitestJsonReport,
      () => undefined,
    )
    return {exitCode, seconds: (performance.now() - started) / 1000, report}
  } finally {
    await rm(reportDir, {recursive: true, force: true})
  }
}

function describe({exitCode, seconds, report}: RunOutcome): string {
  const time = `${seconds.toFixed(0)} s`
  if (!report) return `exit ${exitCode}, no report (${time})`
  const counts =
    `${report.numPassedTests} passed, ${report.numFailedTests} failed, ` +
    `${report.numPendingTests + report.numTodoTests} skipped of ${report.numTotalTests} tests ` +
    `in ${report.testResults.length} files (${time})`
  const failures = report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((result) => result.status === 'failed')
      .map((result) => `\n  failed: ${file.name} › ${result.fullName}`),
  )
  return `${exitCode === 0 ? 'green' : 'RED'}: ${counts}${failures.join('')}`
}

function positiveInteger(value: string): number {
  const number = wholeNumber(value)
  if (number < 1) throw new InvalidArgumentError('must be 1 or more')
  return number
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number')
  return Number(value)
}

await program.parseAsync()
