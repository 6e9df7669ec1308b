/**
 * Sanity's own schema validator, but strict: `sanity schema validate` exits 0 on warnings, and we
 * want a clean schema, so any problem fails the run.
 */
import {execFileSync} from 'node:child_process'

interface SchemaProblem {
  severity: 'error' | 'warning'
  message: string
}
interface ValidationGroup {
  path: {name?: string; type?: string}[]
  problems: SchemaProblem[]
}

const raw = execFileSync('sanity', ['schema', 'validate', '--format', 'json'], {
  encoding: 'utf8',
  env: {...process.env, SANITY_TELEMETRY_DISABLED: '1'},
  stdio: ['ignore', 'pipe', 'inherit'],
})
// The Studio config may log a notice before the JSON; the report is the last line.
const report = raw.trim().split('\n').at(-1) ?? '[]'
const groups = JSON.parse(report) as ValidationGroup[]
const problems = groups.flatMap((group) =>
  group.problems.map((problem) => ({
    ...problem,
    where: group.path.map((segment) => segment.name ?? segment.type).join(' › '),
  })),
)
for (const problem of problems) {
  console.error(`${problem.severity}: ${problem.where}: ${problem.message}`)
}
console.log(`Schema validation: ${problems.length} problem(s).`)
process.exitCode = problems.length ? 1 : 0
