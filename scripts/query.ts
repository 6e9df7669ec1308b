/**
 * Run a GROQ query against the local dataset file or the Sanity project and print the JSON,
 * like `sanity documents query`:
 *   npm run query -- '*[_type == "posting"]{title}' --params '{"slug":"x"}' --perspective drafts
 */
import {Command, InvalidArgumentError, Option} from 'commander'

import {openDataset} from '../lib/dataset/open'
import {DEFAULT_DATASET_FILE} from '../lib/dataset/paths'
import {PERSPECTIVES, type Perspective} from '../lib/dataset/types'

const program = new Command('query')
  .description('Run a GROQ query and print the result as JSON.')
  .argument('<groq>', 'the query')
  .option('--params <json>', 'query parameters as a JSON object', parseParams, {})
  .addOption(
    new Option('--perspective <name>', 'which document versions to see')
      .choices(PERSPECTIVES)
      .default('published'),
  )
  .option(
    '--from <source>',
    `an NDJSON file, or "sanity" for the configured project`,
    DEFAULT_DATASET_FILE,
  )
  .action(
    async (
      groq: string,
      options: {params: Record<string, unknown>; perspective: Perspective; from: string},
    ) => {
      const dataset = await openDataset(options.from)
      const result = await dataset.fetch(groq, options.params, {perspective: options.perspective})
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    },
  )

function parseParams(value: string): Record<string, unknown> {
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch (error) {
    throw new InvalidArgumentError(`--params is not JSON: ${(error as Error).message}`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidArgumentError(
      '--params must be a JSON object, like \'{"slug":"platform-engineer"}\'.',
    )
  }
  return parsed as Record<string, unknown>
}

program.parseAsync().catch((error: unknown) => {
  console.error(`query: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
