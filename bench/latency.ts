/**
 * The latency stages, run by bench/run.ts as child processes so their memory is measured apart:
 *   tsx bench/latency.ts queries <dataset.ndjson> <runs> <budgetSeconds>
 *   tsx bench/latency.ts preview <dataset.ndjson> <runs> <budgetSeconds>
 * Prints one JSON object on stdout. Queries are the website's own typed queries on the local
 * dataset; the preview is what the Studio does on each keystroke: the website's projection of
 * the edited posting (projectPosting) and the page render (renderPostingPage).
 */
import {readNdjson} from '../lib/import/ndjson'
import {openDatasetFile} from '../lib/dataset/file'
import type {CareersDataset} from '../lib/dataset/types'
import {
  EXPORTABLE_POSTING_SLUGS_QUERY,
  OPEN_POSTINGS_BY_TEAM_QUERY,
  OPEN_POSTINGS_QUERY,
  POSTING_BY_SLUG_QUERY,
} from '../lib/queries/queries'
import {DEFAULT_SITE_SETTINGS, renderPostingPage} from '../lib/render'
import {latency, type Latency} from './measure'

const WARM_UP_RUNS = 5
/** Enough samples for a meaningful p95 even when a budget cuts the runs short. */
const MIN_SAMPLES = 20

/** Time `work` up to `runs` times, stopping early once the budget is spent. */
async function sample(
  runs: number,
  budgetSeconds: number,
  work: (iteration: number) => Promise<unknown> | unknown,
): Promise<Latency> {
  for (let iteration = 0; iteration < Math.min(WARM_UP_RUNS, runs); iteration++)
    await work(iteration)
  const durations: number[] = []
  const deadline = performance.now() + budgetSeconds * 1000
  for (let iteration = 0; iteration < runs; iteration++) {
    const start = performance.now()
    await work(iteration)
    durations.push(performance.now() - start)
    if (durations.length >= MIN_SAMPLES && performance.now() > deadline) break
  }
  return latency(durations)
}

/** Spread the picks over the whole list with a stride coprime to most lengths. */
function rotating<T>(items: readonly T[]): (iteration: number) => T {
  if (items.length === 0) throw new Error('The dataset has no open postings to query.')
  return (iteration) => items[(iteration * 7919) % items.length] as T
}

async function openPostings(dataset: CareersDataset) {
  const slugs = (await dataset.fetch(EXPORTABLE_POSTING_SLUGS_QUERY)).filter(
    (slug): slug is string => typeof slug === 'string',
  )
  return {slugs, slugAt: rotating(slugs)}
}

async function measureQueries(file: string, runs: number, budgetSeconds: number) {
  const loadStart = performance.now()
  const dataset = openDatasetFile(file)
  const loadMs = performance.now() - loadStart
  const {slugs, slugAt} = await openPostings(dataset)
  const cards = await dataset.fetch(OPEN_POSTINGS_QUERY, {language: null})
  const teams = [...new Set(cards.flatMap((card) => (card.team?.slug ? [card.team.slug] : [])))]
  const teamAt = rotating(teams.sort())
  const bySlug = await sample(runs, budgetSeconds, async (iteration) => {
    const posting = await dataset.fetch(POSTING_BY_SLUG_QUERY, {slug: slugAt(iteration)})
    if (!posting) throw new Error(`No posting for slug ${slugAt(iteration)}`)
  })
  const openList = await sample(runs, budgetSeconds, () =>
    dataset.fetch(OPEN_POSTINGS_QUERY, {language: null}),
  )
  const byTeam = await sample(runs, budgetSeconds, (iteration) =>
    dataset.fetch(OPEN_POSTINGS_BY_TEAM_QUERY, {team: teamAt(iteration)}),
  )
  return {
    loadMs,
    openPostings: slugs.length,
    openListLength: cards.length,
    teams: teams.length,
    queries: {bySlug, openList, byTeam},
  }
}

async function measurePreview(file: string, runs: number, budgetSeconds: number) {
  // Loaded here rather than at the top: it imports `sanity`, which the query stage does not need.
  const {projectPosting, referencedIdsOf} = await import('../plugins/careers/projectPosting')
  const dataset = openDatasetFile(file)
  const stored = new Map(readNdjson(file).map((document) => [document._id, document]))
  const {slugs} = await openPostings(dataset)
  const postings = await Promise.all(
    slugs.slice(0, 50).map(async (slug) => {
      const projected = await dataset.fetch(POSTING_BY_SLUG_QUERY, {slug})
      if (!projected) throw new Error(`No posting for slug ${slug}`)
      const document = stored.get(projected._id)
      if (!document) throw new Error(`The posting ${projected._id} is not in ${file}`)
      const referenced = referencedIdsOf(document).flatMap((id) => stored.get(id) ?? [])
      return {projected, document, referenced}
    }),
  )
  const postingAt = rotating(postings)
  const render = await sample(runs, budgetSeconds, (iteration) =>
    renderPostingPage(postingAt(iteration).projected, DEFAULT_SITE_SETTINGS),
  )
  const keystroke = await sample(runs, budgetSeconds, async (iteration) => {
    const {document, referenced} = postingAt(iteration)
    // The Studio hands the form value over as a SanityDocument; ours is the same JSON shape.
    const projected = await projectPosting(document as never, referenced as never)
    if (!projected) throw new Error(`The projection of ${document._id} came back empty`)
    return renderPostingPage(projected, DEFAULT_SITE_SETTINGS)
  })
  return {postings: postings.length, render, keystroke}
}

async function main() {
  const [mode, file, runsText, budgetText] = process.argv.slice(2)
  const runs = Number(runsText ?? 100)
  const budgetSeconds = Number(budgetText ?? 30)
  if (!file || !Number.isInteger(runs) || runs < 1 || !(budgetSeconds > 0))
    throw new Error('Usage: latency.ts queries|preview <dataset.ndjson> <runs> <budgetSeconds>')
  const result =
    mode === 'queries'
      ? await measureQueries(file, runs, budgetSeconds)
      : mode === 'preview'
        ? await measurePreview(file, runs, budgetSeconds)
        : undefined
  if (!result) throw new Error(`Unknown mode "${mode}": use queries or preview.`)
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exitCode = 1
})
