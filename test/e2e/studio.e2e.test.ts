import {mkdir} from 'node:fs/promises'

import type {Browser, Page} from 'playwright-core'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'

import type {RunningContentLake} from '../../lib/content-lake/server'
import {POSTINGS, SEED_DOCUMENTS} from './fixtures'
import {
  ARTIFACTS_DIR,
  closeOpenContexts,
  E2E_LAKE_PORT,
  gotoStudio,
  offlineContext,
  screenshot,
  startStudioEnvironment,
  type StudioEnvironment,
} from './studio'

/** The Studio is slow to boot on a busy two-core machine. */
const UI_TIMEOUT = 120_000
const TEST_TIMEOUT = 420_000
/** How many postings the one-click publish test creates, and how long each may take to publish. */
const NEW_POSTINGS = 20
const PUBLISH_TIMEOUT = 30_000

let environment: StudioEnvironment | undefined
let lake: RunningContentLake
let studio: StudioEnvironment['studio']
let browser: Browser

beforeAll(async () => {
  await mkdir(ARTIFACTS_DIR, {recursive: true})
  environment = await startStudioEnvironment(SEED_DOCUMENTS)
  ;({lake, studio, browser} = environment)
}, 600_000)

afterAll(() => environment?.stop(), 60_000)
afterEach(closeOpenContexts)

async function newPage(): Promise<{page: Page; blocked: string[]}> {
  const {context, blocked} = await offlineContext(browser)
  return {page: await context.newPage(), blocked}
}

/** Waits until the local Content Lake holds a version of `id` that passes `check`. */
async function stored(
  id: string,
  check: (document: Record<string, unknown>) => boolean,
  timeout = UI_TIMEOUT,
) {
  await expect
    .poll(
      () => {
        const document = lake.store.get(id)
        return document !== undefined && check(document)
      },
      {timeout},
    )
    .toBe(true)
  return lake.store.get(id) as Record<string, unknown>
}

function documentIdFromUrl(page: Page): string {
  // Structure URLs end with the open document's id: /structure/jobPostings;posting;<id>,...
  const lastPane = decodeURIComponent(new URL(page.url()).pathname).split(';').at(-1) ?? ''
  return lastPane.split(',')[0] ?? ''
}

/**
 * Clicks Publish once. Whether it worked is checked in the store: the "was published" toast is
 * gone after a few seconds, which a busy machine can miss.
 */
async function publish(page: Page) {
  await page.getByRole('button', {name: 'Publish', exact: true}).click({timeout: UI_TIMEOUT})
}

describe('the Studio against the local Content Lake, with no network and no account', () => {
  it(
    'boots and lists the postings',
    async () => {
      const {page, blocked} = await newPage()
      await gotoStudio(page, `${studio.url}/structure/jobPostings;posting`)
      for (const posting of POSTINGS) {
        await page.getByText(posting.title).first().waitFor({timeout: UI_TIMEOUT})
      }
      await screenshot(page, '01-postings-listed')
      // What the browser could not reach is optional: fonts, the update check, Sanity's CDN.
      expect(blocked.filter((url) => url.includes(`:${E2E_LAKE_PORT}`))).toEqual([])
    },
    TEST_TIMEOUT,
  )

  it(
    'lets HR add a contact, shows the bad email, and create and publish a posting',
    async () => {
      const {page} = await newPage()
      await gotoStudio(page, `${studio.url}/intent/create/template=contact;type=contact/`)
      const name = page.getByTestId('field-name').locator('input')
      await name.waitFor({timeout: UI_TIMEOUT})
      await name.fill('Maja Virtanen')
      const email = page.getByTestId('field-email').locator('input')
      await email.fill('maja.virtanen.example.com')
      await page.keyboard.press('Tab')
      await page.getByTestId('field-email').getByTestId('input-validation-icon-error').hover()
      await page
        .getByText('"maja.virtanen.example.com" is not an email address: check for typos.')
        .waitFor({timeout: UI_TIMEOUT})
      await screenshot(page, '02-contact-bad-email')
      await email.fill('maja.virtanen@example.com')
      await publish(page)
      const contactId = documentIdFromUrl(page)
      await stored(contactId, (contact) => contact.email === 'maja.virtanen@example.com')
      await screenshot(page, '03-contact-published')

      await gotoStudio(page, `${studio.url}/intent/create/template=posting;type=posting/`)
      const title = page.getByTestId('field-title').locator('input')
      await title.waitFor({timeout: UI_TIMEOUT})
      await title.fill('Storage Engineer')
      await page.getByTestId('field-slug').getByRole('button', {name: 'Generate'}).click()
      await page.getByTestId('field-body').locator('[contenteditable="true"]').click()
      await page.keyboard.type('You will keep petabytes safe across three data centres.')
      await screenshot(page, '04-posting-title-and-body')

      // Each search is typed into its own field's input (its id is the field's path): "Type to
      // search" also names the recruitment process's input, on screen until Details has rendered.
      await page.getByRole('tab', {name: 'Details'}).click()
      await page.locator('input#team').fill('Cloud')
      await page.locator('[data-ui="Popover"]').getByText('Cloud network').first().click()
      await screenshot(page, '05-posting-team')

      await page.getByRole('tab', {name: 'Apply'}).click()
      await page
        .getByTestId('field-apply.url')
        .locator('input')
        .fill('https://jobs.example.com/storage')
      await page.locator('input#contact').fill('Maja')
      await page.locator('[data-ui="Popover"]').getByText('Maja Virtanen').first().click()
      await screenshot(page, '06-posting-apply-and-contact')

      // Publish at once, while the draft is still saving: the Studio waits for it.
      await publish(page)
      const postingId = documentIdFromUrl(page)
      const posting = await stored(postingId, (document) => document.title === 'Storage Engineer')
      expect(posting).toMatchObject({
        slug: {current: 'storage-engineer'},
        team: {_ref: 'team-cloud-network'},
        contact: {_ref: contactId},
        apply: {label: 'Apply now', url: 'https://jobs.example.com/storage'},
        body: [{children: [{text: 'You will keep petabytes safe across three data centres.'}]}],
      })
      expect(lake.store.get(`drafts.${postingId}`)).toBeUndefined()
      await screenshot(page, '07-posting-published')
    },
    TEST_TIMEOUT,
  )

  it(
    'publishes each of 20 new postings with one click right after the last keystroke',
    async () => {
      const {page} = await newPage()
      await gotoStudio(page, `${studio.url}/structure/jobPostings;posting`)
      const notPublished: string[] = []
      // What the Studio sent and said around each publish, reported when one is not published.
      let trace: string[] = []
      const started = Date.now()
      const note = (line: string) => trace.push(`+${Date.now() - started} ms ${line}`)
      page.on('requestfinished', async (request) => {
        if (request.method() !== 'POST' || !request.url().includes(`:${E2E_LAKE_PORT}/`)) return
        const actions = (request.postDataJSON() as {actions?: {actionType: string}[]} | null)
          ?.actions
        const status = (await request.response())?.status()
        note(`${status} ${new URL(request.url()).pathname} ${actions?.map((a) => a.actionType)}`)
      })
      page.on('requestfailed', (request) =>
        note(`failed ${request.url()} ${request.failure()?.errorText}`),
      )
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') note(message.text())
      })
      for (let index = 1; index <= NEW_POSTINGS; index += 1) {
        trace = []
        const title = `Storage Engineer ${index}`
        await page.getByTestId('action-intent-button').click({timeout: UI_TIMEOUT})
        const titleInput = page.getByTestId('field-title').locator('input')
        await titleInput.waitFor({timeout: UI_TIMEOUT})
        await titleInput.fill(title)
        await page.getByTestId('field-slug').getByRole('button', {name: 'Generate'}).click()
        await page.getByTestId('field-body').locator('[contenteditable="true"]').click()
        await page.keyboard.type('You will keep petabytes safe.')
        await page.getByRole('tab', {name: 'Apply'}).click()
        await page.getByTestId('field-apply.url').locator('input').click()
        // The last keystroke, then Publish at once: the draft is still saving and validating.
        await page.keyboard.type(`https://jobs.example.com/storage-${index}`)
        note('click Publish')
        await publish(page)
        const postingId = documentIdFromUrl(page)
        await stored(postingId, (document) => document.title === title, PUBLISH_TIMEOUT).catch(
          async () => {
            notPublished.push(`${title}:\n  ${trace.join('\n  ')}`)
            await screenshot(page, `10-not-published-${index}`)
          },
        )
      }
      await screenshot(page, '10-twenty-postings-published')
      expect(notPublished).toEqual([])
    },
    NEW_POSTINGS * 75_000,
  )

  it(
    'keeps both edits when two people edit the same posting at once',
    async () => {
      const [first, second] = [await newPage(), await newPage()]
      const [posting] = POSTINGS
      const url = `${studio.url}/structure/jobPostings;posting;${posting!._id}`
      const intro = (page: Page) => page.getByTestId('field-intro').locator('textarea')
      const title = (page: Page) => page.getByTestId('field-title').locator('input')
      // One after the other: two Studios booting at once on two cores only slow each other down.
      for (const {page} of [first, second]) {
        await gotoStudio(page, url)
        await intro(page).waitFor({timeout: UI_TIMEOUT})
      }

      await Promise.all([
        intro(first.page).fill('Run the network that four Nordic regions depend on.'),
        title(second.page).fill('Senior Network Engineer'),
      ])
      const draft = await stored(
        `drafts.${posting!._id}`,
        (document) =>
          document.intro === 'Run the network that four Nordic regions depend on.' &&
          document.title === 'Senior Network Engineer',
      )
      expect(draft).toMatchObject({team: {_ref: 'team-cloud-network'}})
      // Each editor sees the other's change arrive through the listener.
      await expect
        .poll(() => title(first.page).inputValue(), {timeout: UI_TIMEOUT})
        .toBe('Senior Network Engineer')
      await expect
        .poll(() => intro(second.page).inputValue(), {timeout: UI_TIMEOUT})
        .toBe('Run the network that four Nordic regions depend on.')
      await screenshot(first.page, '08-concurrent-editor-one')
      await screenshot(second.page, '09-concurrent-editor-two')
    },
    TEST_TIMEOUT,
  )
})
