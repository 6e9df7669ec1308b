/**
 * The real website (../shared/site, read-only) built with Debian's Hugo into a temporary folder,
 * from whatever content a test gives it. The site is copied as a whole and its own content kept,
 * so pages are built by exactly the templates, config and data the live site has.
 */
import {execFile} from 'node:child_process'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'

const run = promisify(execFile)

export const REAL_SITE_DIR = fileURLToPath(new URL('../../../shared/site', import.meta.url))
export const HUGO = '/usr/bin/hugo'

export interface BuiltSite {
  /** The site's source folder (templates plus the content given). */
  sourceDir: string
  /** Hugo's output. */
  publicDir: string
  /** Every content page Hugo knows, by its source path under content/. */
  pages: HugoPage[]
}

export interface HugoPage {
  /** Source path relative to content/ (`career/cfo.md`). */
  path: string
  /** Path of the page on the site (`/career/cfo/`). */
  permalink: string
  draft: boolean
}

/**
 * Build the real site with `files` (paths relative to content/) added to, or replacing, its own
 * content. Drafts are built, as the comparison covers every posting.
 */
export async function buildRealSite(
  label: string,
  files: ReadonlyMap<string, string>,
): Promise<BuiltSite> {
  const root = mkdtempSync(join(tmpdir(), `real-site-${label}-`))
  const sourceDir = join(root, 'site')
  cpSync(REAL_SITE_DIR, sourceDir, {recursive: true})
  makeWritable(sourceDir)
  for (const [path, text] of files) {
    const target = join(sourceDir, 'content', path)
    mkdirSync(dirname(target), {recursive: true})
    writeFileSync(target, text)
  }
  const publicDir = join(root, 'public')
  await run(HUGO, ['--source', sourceDir, '--destination', publicDir, '--buildDrafts', '--quiet'])
  const {stdout} = await run(HUGO, ['list', 'all', '--source', sourceDir])
  return {sourceDir, publicDir, pages: parseHugoList(stdout)}
}

/** `hugo list all` prints CSV: path,slug,title,date,expiryDate,publishDate,draft,permalink,… */
function parseHugoList(csv: string): HugoPage[] {
  const [header = '', ...rows] = csv.trim().split('\n')
  const columns = splitCsvLine(header)
  const at = (name: string) => columns.indexOf(name)
  return rows.map((row) => {
    const cells = splitCsvLine(row)
    return {
      path: (cells[at('path')] ?? '').replace(/^content\//, ''),
      permalink: new URL(cells[at('permalink')] ?? '/', 'https://site.invalid').pathname,
      draft: cells[at('draft')] === 'true',
    }
  })
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < line.length; index++) {
    const char = line[index]
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"'
        index++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      cells.push(cell)
      cell = ''
    } else cell += char
  }
  cells.push(cell)
  return cells
}

/** The shared folder may be read-only; the copy must take new files. */
function makeWritable(path: string): void {
  chmodSync(path, statSync(path).mode | 0o200)
  if (!statSync(path).isDirectory()) return
  for (const entry of readdirSync(path)) makeWritable(join(path, entry))
}

/** The markdown pages under a content folder, by path relative to it (`career/cfo.md`). */
export function contentFiles(root: string): Map<string, string> {
  const files = new Map<string, string>()
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.md')) files.set(relative(root, path), readFileSync(path, 'utf8'))
    }
  }
  if (existsSync(root)) walk(root)
  return files
}
