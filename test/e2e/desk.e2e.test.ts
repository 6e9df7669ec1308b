/**
 * The desk's posting lists in the real, built Studio against the local Content Lake: each list
 * shows exactly the postings it names, for the four states a posting can be in. The Studio
 * queries its lists in the `drafts` perspective, where a posting's draft carries the published id.
 */
import {mkdir} from 'node:fs/promises'

import type {Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {TEAMS} from './fixtures'
import {
  ARTIFACTS_DIR,
  gotoStudio,
  offlineContext,
  screenshot,
  startStudioEnvironment,
  type StudioEnvironment,
} from './studio'

const UI_TIMEOUT = 120_000
const TEST_TIMEOUT = 300_000

const posting = (id: string, title: string, team: string, extra: object = {}) => ({
  _id: id,
  _type: 'posting',
  title,
  slug: {_type: 'slug', current: id.replace(/^(drafts\.)?posting-/, '')},
  language: 'en',
  publishedAt: '2026-01-12T09:00:00.000Z',
  team: {_type: 'reference', _ref: team},
  ...extra,
})

/** One posting in each state: published, never published, published with a draft, expired. */
const DESK_DOCUMENTS = [
  ...TEAMS,
  posting('posting-network-engineer', 'Network Engineer', 'team-cloud-network'),
  posting('drafts.posting-support-engineer', 'Support Engineer', 'team-cloud-network'),
  posting('posting-billing-developer', 'Billing Developer', 'team-billing'),
  posting('drafts.posting-billing-developer', 'Senior Billing Developer', 'team-billing'),
  posting('posting-radio-engineer', 'Radio Engineer', 'team-cloud-network', {
    validThrough: '2025-06-30T00:00:00.000Z',
  }),
]

let environment: StudioEnvironment | undefined
let page: Page

beforeAll(async () => {
  await mkdir(ARTIFACTS_DIR, {recursive: true})
  environment = await startStudioEnvironment(DESK_DOCUMENTS)
  const {context} = await offlineContext(environment.browser)
  page = await context.newPage()
}, 600_000)

afterAll(() => environment?.stop(), 60_000)

/** The titles the rightmost list pane shows, in order. */
async function listedTitles(): Promise<string[]> {
  const pane = page.getByTestId('document-list-pane').last()
  const items = pane.locator('a[href*="/structure/"]:not([data-testid^="action-intent-button"])')
  return (await items.allInnerTexts()).map((text) => text.split('\n')[0]?.trim() ?? '')
}

async function expectList(path: string, titles: string[], name: string) {
  await gotoStudio(page, `${environment!.studio.url}/structure/jobPostings;${path}`)
  await page.getByTestId('document-list-pane').last().waitFor({timeout: UI_TIMEOUT})
  await expect
    .poll(async () => (await listedTitles()).sort(), {timeout: UI_TIMEOUT})
    .toEqual([...titles].sort())
  await screenshot(page, name)
}

describe('the desk lists postings by state', () => {
  it(
    'Open: the published postings still open, one with its pending draft',
    () => expectList('open', ['Network Engineer', 'Senior Billing Developer'], '20-desk-open'),
    TEST_TIMEOUT,
  )

  it(
    'Drafts: the posting never published and the one with unpublished changes',
    () => expectList('drafts', ['Support Engineer', 'Senior Billing Developer'], '21-desk-drafts'),
    TEST_TIMEOUT,
  )

  it(
    'Expired: the published posting past its closing date',
    () => expectList('expired', ['Radio Engineer'], '22-desk-expired'),
    TEST_TIMEOUT,
  )

  it(
    'By team: every posting of the team, whatever its state',
    async () => {
      await expectList(
        'byTeam;team-cloud-network',
        ['Network Engineer', 'Support Engineer', 'Radio Engineer'],
        '23-desk-team-cloud-network',
      )
      await expectList('byTeam;team-billing', ['Senior Billing Developer'], '24-desk-team-billing')
    },
    TEST_TIMEOUT,
  )

  it(
    'creates a translation from the document actions, linked both ways (after the lists: it adds drafts)',
    async () => {
      const lake = environment!.lake
      await gotoStudio(
        page,
        `${environment!.studio.url}/intent/edit/id=posting-network-engineer;type=posting/`,
      )
      await page.getByTestId('field-title').locator('input').waitFor({timeout: UI_TIMEOUT})
      await page.getByTestId('pane-footer').getByTestId('action-menu-button').click()
      await page.getByRole('menuitem', {name: /Create translation/}).click({timeout: UI_TIMEOUT})
      const swedish = page.getByRole('button', {name: 'Swedish', exact: true})
      await swedish.waitFor({timeout: UI_TIMEOUT})
      await screenshot(page, '25-create-translation-dialog')
      await swedish.click()
      // The Studio opens the new draft; its id ends the address.
      await page.waitForURL((url) => !url.pathname.endsWith('posting-network-engineer'), {
        timeout: UI_TIMEOUT,
      })
      const translationId = decodeURIComponent(new URL(page.url()).pathname)
        .split(';')
        .at(-1)!
        .split(',')[0]!
      await page.getByTestId('field-title').locator('input').waitFor({timeout: UI_TIMEOUT})
      expect(lake.store.get(`drafts.${translationId}`)).toMatchObject({
        language: 'sv',
        title: 'Network Engineer',
        translations: [{_ref: 'posting-network-engineer', _weak: true}],
      })
      expect(lake.store.get('drafts.posting-network-engineer')).toMatchObject({
        translations: [{_ref: translationId, _weak: true}],
      })
      await screenshot(page, '26-translation-created')
    },
    TEST_TIMEOUT,
  )
})
