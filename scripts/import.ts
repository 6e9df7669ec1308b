/**
 * Import the website's Hugo careers pages: `npm run import -- <dir or files…>`.
 * Writes the local NDJSON dataset by default, or a Content Lake with `--to sanity`.
 */
import {runImportCli} from '../lib/import/cli'

process.exitCode = await runImportCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
})
