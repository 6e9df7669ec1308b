/**
 * How much the careers plugin adds to the Studio: `sanity build` with and without it
 * (SANITY_STUDIO_CAREERS_PLUGIN=off, read in sanity.config.ts), comparing the gzipped size of all
 * JavaScript in each build, lazy chunks included, and of the JavaScript a Studio start loads (the
 * entry script and everything it imports statically). Fails when the total added is over budget.
 *
 *   npx tsx scripts/measure-plugin-size.ts [--update-readme]
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'

const BUDGET_BYTES = 60 * 1024
/** Text only the plugin puts in the bundle: proves the "without" build really left it out. */
const PLUGIN_MARKER = 'Export for website'
const README = 'README.md'
const README_MARKER = /<!-- plugin-size -->[\s\S]*?<!-- \/plugin-size -->/

interface BuildWeight {
  /** Every JavaScript file of the build. */
  gzipBytes: number
  /** The entry script and its static imports: what every Studio start downloads. */
  startupGzipBytes: number
  containsPlugin: boolean
}

// Static imports between chunks as Vite writes them: `import{a as b}from"./x.js"`, `import"./x.js"`,
// `export{c}from"./x.js"`. Dynamic `import("./x.js")` does not match: lazy chunks are not startup.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']\.\/([^"']+\.js)["']/g
const ENTRY_SCRIPT = /<script[^>]+src="\/static\/([^"]+\.js)"/

function buildStudio(outDir: string, withPlugin: boolean): BuildWeight {
  const result = spawnSync('npx', ['sanity', 'build', outDir, '--yes'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      SANITY_TELEMETRY_DISABLED: '1',
      SANITY_STUDIO_CAREERS_PLUGIN: withPlugin ? 'on' : 'off',
    },
  })
  if (result.status !== 0) {
    throw new Error(`sanity build ${withPlugin ? 'with' : 'without'} the plugin failed.`)
  }
  const gzipped = new Map<string, number>()
  let containsPlugin = false
  for (const entry of readdirSync(outDir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !/\.m?js$/.test(entry.name)) continue
    const source = readFileSync(join(entry.parentPath, entry.name))
    // Level 9, as a static host precompresses: the gzip a browser downloads.
    gzipped.set(entry.name, gzipSync(source, {level: 9}).length)
    containsPlugin ||= source.includes(PLUGIN_MARKER)
  }
  const staticDir = join(outDir, 'static')
  const entryScript = readFileSync(join(outDir, 'index.html'), 'utf8').match(ENTRY_SCRIPT)?.[1]
  if (!entryScript) throw new Error(`No module entry script in ${outDir}/index.html.`)
  const startup = new Set<string>()
  const visit = (file: string) => {
    if (startup.has(file)) return
    startup.add(file)
    const source = readFileSync(join(staticDir, file), 'utf8')
    for (const [, imported] of source.matchAll(STATIC_IMPORT)) if (imported) visit(imported)
  }
  visit(entryScript)
  const sum = (files: Iterable<string>) =>
    [...files].reduce((total, file) => total + (gzipped.get(file) ?? 0), 0)
  return {gzipBytes: sum(gzipped.keys()), startupGzipBytes: sum(startup), containsPlugin}
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`
}

function main() {
  const workDir = mkdtempSync(join(tmpdir(), 'careers-plugin-size-'))
  try {
    const withPlugin = buildStudio(join(workDir, 'with'), true)
    const withoutPlugin = buildStudio(join(workDir, 'without'), false)
    if (!withPlugin.containsPlugin || withoutPlugin.containsPlugin) {
      throw new Error(
        'The builds do not differ by the plugin: check SANITY_STUDIO_CAREERS_PLUGIN in sanity.config.ts.',
      )
    }
    const added = withPlugin.gzipBytes - withoutPlugin.gzipBytes
    const addedAtStartup = withPlugin.startupGzipBytes - withoutPlugin.startupGzipBytes
    const date = new Date().toISOString().slice(0, 10)
    const summary =
      `The careers plugin adds **${kilobytes(added)}** gzipped JavaScript to the Studio build ` +
      `(${kilobytes(withPlugin.gzipBytes)} with it, ${kilobytes(withoutPlugin.gzipBytes)} without; ` +
      `budget ${kilobytes(BUDGET_BYTES)}), of which **${kilobytes(addedAtStartup)}** load when the ` +
      `Studio starts; the rest loads when a preview or an export is opened. Measured ${date} by ` +
      `\`npx tsx scripts/measure-plugin-size.ts\`.`
    console.log(summary)
    if (process.argv.includes('--update-readme')) {
      const readme = readFileSync(README, 'utf8')
      if (!README_MARKER.test(readme)) {
        throw new Error(`${README} has no <!-- plugin-size --> … <!-- /plugin-size --> markers.`)
      }
      writeFileSync(
        README,
        readme.replace(README_MARKER, `<!-- plugin-size -->\n${summary}\n<!-- /plugin-size -->`),
      )
    }
    if (added > BUDGET_BYTES) {
      console.error(`Over budget by ${kilobytes(added - BUDGET_BYTES)}.`)
      process.exitCode = 1
    }
  } finally {
    rmSync(workDir, {recursive: true, force: true})
  }
}

main()
