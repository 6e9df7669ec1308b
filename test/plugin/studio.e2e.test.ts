/**
 * The careers plugin in the real, built Studio against the local Content Lake: the Preview view
 * of a posting, its badges and its export action, and the Used in view of a team. Complements the
 * component tests (which fake the Studio) with the wiring they cannot see: structure views,
 * document actions and badges registered through sanity.config.ts, the renderer chunk loading
 * on demand in the Studio's own bundle.
 */
import {mkdir, readFile} from 'node:fs/promises'

import type {Browser, FrameLocator, Page} from 'playwright-core'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'

import type {RunningContentLake} from '../../lib/content-lake/server'
import {
  closeOpenContexts,
  openStudioPage,
  startStudioEnvironment,
  type StudioEnvironment,
} from '../e2e/studio'
import {careersFixture, draftOnlyPosting, expiredPosting} from '../fixtures/documents/careers'

const UI_TIMEOUT = 60_000
const TEST_TIMEOUT = 240_000
const ARTIFACTS = 'test/artifacts/plugin'
const FRAME_TITLE = 'The posting as the website shows it'

let environment: StudioEnvironment | undefined
let lake: RunningContentLake
let studio: StudioEnvironment['studio']
let browser: Browser

beforeAll(async () => {
  await mkdir(ARTIFACTS, {recursive: true})
  environment = await startStudioEnvironment(careersFixture)
  ;({lake, studio, browser} = environment)
}, 600_000)

afterAll(() => environment?.stop(), 60_000)
afterEach(closeOpenContexts)

async function openDocument(id: string, type: string): Promise<Page> {
  const {page} = await openStudioPage(browser, `${studio.url}/intent/edit/id=${id};type=${type}/`)
  return page
}

const previewFrame = (page: Page): FrameLocator =>
  page.frameLocator(`iframe[title="${FRAME_TITLE}"]`)

describe('the careers plugin in the Studio', () => {
  it(
    'previews the draft of a posting with its references, and badges it',
    async () => {
      const page = await openDocument('posting-platform-engineer', 'posting')
      await page.getByRole('tab', {name: 'Preview'}).click({timeout: UI_TIMEOUT})
      const heading = previewFrame(page).locator('h1')
      await heading.waitFor({timeout: UI_TIMEOUT})
      // The drafts perspective: the draft's title, the team and process resolved by reference.
      expect(await heading.textContent()).toBe('Senior Platform Engineer')
      const frame = previewFrame(page)
      expect(await frame.locator('.posting__facts').textContent()).toContain('Platform team')
      expect(await frame.locator('.recruitment-process h2').textContent()).toBe(
        'How we hire engineers',
      )
      await page.screenshot({path: `${ARTIFACTS}/studio-preview.png`})

      // The preview's own toggle, not the Studio's perspective chip of the same name.
      await page.locator('button[aria-pressed]', {hasText: 'Published'}).click()
      await expect
        .poll(() => previewFrame(page).locator('h1').textContent(), {timeout: UI_TIMEOUT})
        .toBe('Platform Engineer')
    },
    TEST_TIMEOUT,
  )

  it(
    'badges expired and never-published postings',
    async () => {
      const expired = await openDocument(expiredPosting._id, 'posting')
      await expired.getByText('Expired', {exact: true}).first().waitFor({timeout: UI_TIMEOUT})
      const draftOnly = await openDocument(draftOnlyPosting._id.replace('drafts.', ''), 'posting')
      await draftOnly.getByText('Draft only', {exact: true}).first().waitFor({timeout: UI_TIMEOUT})
      await draftOnly.screenshot({path: `${ARTIFACTS}/studio-badges.png`})
    },
    TEST_TIMEOUT,
  )

  it(
    'offers Export for website among the document actions',
    async () => {
      const page = await openDocument('posting-platform-engineer', 'posting')
      // Open the menu once the form has loaded: while the document loads, the menu re-renders and
      // a click on its items can be lost.
      await page.getByTestId('field-title').locator('input').waitFor({timeout: UI_TIMEOUT})
      // ...and once the footer says the document's state (a skeleton while it loads).
      await page
        .getByTestId('pane-footer')
        .getByText(/^(Edited|Published|Created)\b/)
        .waitFor({timeout: UI_TIMEOUT})
      await page.getByTestId('pane-footer').getByTestId('action-menu-button').click()
      const exportItem = page.getByRole('menuitem', {name: /Export for website/})
      await exportItem.waitFor({timeout: UI_TIMEOUT})
      await page.screenshot({path: `${ARTIFACTS}/studio-actions.png`})
      await exportItem.click()
      await page.getByText(/^Download Hugo markdown/).waitFor({timeout: UI_TIMEOUT})
      await page.screenshot({path: `${ARTIFACTS}/studio-export-dialog.png`})
    },
    TEST_TIMEOUT,
  )

  it(
    'lets marketing edit a draft, see the preview follow, and export the Hugo markdown with the edit',
    async () => {
      const edit = 'Marketing read this before it went out.'
      const page = await openDocument('posting-platform-engineer', 'posting')
      const ingress = page.getByTestId('field-ingress').locator('[contenteditable="true"]')
      await ingress.click({timeout: UI_TIMEOUT})
      await page.keyboard.press('Control+End')
      await page.keyboard.type(` ${edit}`)
      await page.getByRole('tab', {name: 'Preview'}).click()
      await expect
        // The lead paragraph: the first highlighted text on the page (the fixture has a second).
        .poll(() => previewFrame(page).locator('.ingress').first().textContent(), {
          timeout: UI_TIMEOUT,
        })
        .toContain(edit)
      await page.screenshot({path: `${ARTIFACTS}/studio-marketing-preview.png`})
      await expect
        .poll(() => JSON.stringify(lake.store.get('drafts.posting-platform-engineer') ?? {}), {
          timeout: UI_TIMEOUT,
        })
        .toContain(edit)

      await page.getByTestId('pane-footer').getByTestId('action-menu-button').click()
      await page.getByRole('menuitem', {name: /Export for website/}).click()
      const [download] = await Promise.all([
        page.waitForEvent('download', {timeout: UI_TIMEOUT}),
        page.getByText(/^Download Hugo markdown/).click({timeout: UI_TIMEOUT}),
      ])
      const markdown = await readFile(await download.path(), 'utf8')
      expect(download.suggestedFilename()).toMatch(/\.md$/)
      expect(markdown).toMatch(/^---\nTitle: /)
      expect(markdown).toContain(edit)
    },
    TEST_TIMEOUT,
  )

  it(
    'lists the postings that use a team',
    async () => {
      const page = await openDocument('team-platform', 'team')
      await page.getByRole('tab', {name: 'Used in'}).click({timeout: UI_TIMEOUT})
      await page.getByText('Changes here show on these 2 postings:').waitFor({timeout: UI_TIMEOUT})
      await page.getByText('Senior Platform Engineer').first().waitFor()
      await page.screenshot({path: `${ARTIFACTS}/studio-used-in.png`})
    },
    TEST_TIMEOUT,
  )
})
