import type {DocumentBadgeComponent} from 'sanity'

/** "Expired" once the closing date has passed: the website lists the posting as expired. */
export const ExpiredBadge: DocumentBadgeComponent = ({draft, published}) => {
  const validThrough = (draft ?? published)?.validThrough
  if (typeof validThrough !== 'string') return null
  // `!(a <= b)` rather than `a > b`: an unreadable date (NaN) is not called expired.
  if (!(Date.parse(validThrough) <= Date.now())) return null
  return {
    label: 'Expired',
    title: `The closing date (${validThrough.slice(0, 10)}) has passed.`,
    color: 'danger',
  }
}

/** "Draft only" while the posting has never been published: the website does not show it. */
export const DraftOnlyBadge: DocumentBadgeComponent = ({draft, published}) =>
  draft && !published
    ? {
        label: 'Draft only',
        title: 'Never published: the website does not show it.',
        color: 'warning',
      }
    : null
