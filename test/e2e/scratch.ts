import {spawn} from 'node:child_process'
import {writeFile} from 'node:fs/promises'
import {startContentLake} from '../../lib/content-lake/server'
import {SEED_DOCUMENTS} from './fixtures'
import {launchBrowser, offlineContext} from './studio'

const file = '/tmp/lake/e2e.ndjson'
await writeFile(file, SEED_DOCUMENTS.map((d) => JSON.stringify(d) + '\n').join(''))
const lake = await startContentLake({
  datasetFile: file,
  projectId: 'local',
  dataset: 'production',
  port: 3990,
})
const preview = spawn(
  'node_modules/.bin/sanity',
  ['preview', 'test/artifacts/studio', '--port', '3991', '--host', '127.0.0.1'],
  {stdio: 'ignore'},
)
try {
  await new Promise((r) => setTimeout(r, 6000))
  const browser = await launchBrowser()
  const {context} = await offlineContext(browser)
  const page = await context.newPage()
  await page.goto('http://127.0.0.1:3991/structure/jobPostings;posting;posting-network-engineer')
  await page.waitForTimeout(20000)
  await page.screenshot({path: 'test/artifacts/scratch.png'})
  console.log(
    page.url(),
    await page
      .locator('[data-testid^=field-]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')).join(' ')),
  )
  await browser.close()
} finally {
  preview.kill('SIGKILL')
  await lake.close()
}
