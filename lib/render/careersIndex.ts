import {attributes, escapeHtml} from './html'
import {labelsFor} from './labels'
import {renderDocument} from './layout'
import {checkPostingCards} from './postingData'
import {postingPath} from './settings'
import type {PostingCard, SiteSettings} from './types'

/**
 * The careers index: every open posting as a card, in the order given (newest first). Values of
 * the wrong type are left out of the cards (the export reports them).
 */
export function renderCareersIndex(
  stored: readonly PostingCard[],
  settings: SiteSettings,
  language: string = 'en',
): string {
  const labels = labelsFor(language)
  const postings = checkPostingCards(stored).value ?? []
  const cards = postings.map((posting) => {
    // Each card speaks its posting's language (its `lang` says so), the page its own.
    const employment = posting.employmentType
      ? labelsFor(posting.language).employmentTypes[posting.employmentType]
      : undefined
    const facts = [posting.team?.name, posting.location, employment].filter(Boolean)
    return (
      `<li class="posting-card"${attributes({lang: posting.language && posting.language !== language ? posting.language : undefined})}>` +
      `<h2 class="posting-card__title"><a${attributes({href: postingPath(settings, posting.slug ?? '')})}>${escapeHtml(posting.title ?? '')}</a></h2>` +
      (facts.length
        ? `<p class="posting-card__facts">${facts.map((fact) => escapeHtml(fact ?? '')).join(' · ')}</p>`
        : '') +
      (posting.intro ? `<p class="posting-card__intro">${escapeHtml(posting.intro)}</p>` : '') +
      `</li>`
    )
  })
  const main =
    `<h1>${escapeHtml(labels.openPositions)}</h1>` +
    (cards.length
      ? `<ul class="posting-list">${cards.join('')}</ul>`
      : `<p>${escapeHtml(labels.noOpenPositions)}</p>`)
  return renderDocument(
    {
      title: `${labels.openPositions} – ${settings.organizationName}`,
      language,
      path: settings.careersPath,
      main,
    },
    settings,
  )
}
