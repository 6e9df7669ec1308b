/**
 * What "open", "expired" and "draft" mean, as GROQ filter fragments. The Studio's desk structure
 * and the website's queries both build on these, so HR and candidates always see the same lists.
 * `now()` is evaluated by the query engine at request time.
 */
export const POSTING_FILTER = `_type == "posting"`

export const IS_DRAFT_FILTER = `_id in path("drafts.**")`

export const NOT_EXPIRED_FILTER = `(!defined(validThrough) || dateTime(validThrough) > dateTime(now()))`

export const EXPIRED_FILTER = `(defined(validThrough) && dateTime(validThrough) <= dateTime(now()))`

/** Published and not past its closing date. */
export const OPEN_POSTING_FILTER = `${POSTING_FILTER} && !(${IS_DRAFT_FILTER}) && ${NOT_EXPIRED_FILTER}`

export const EXPIRED_POSTING_FILTER = `${POSTING_FILTER} && !(${IS_DRAFT_FILTER}) && ${EXPIRED_FILTER}`

/** Postings with unpublished changes, including those never published. */
export const DRAFT_POSTING_FILTER = `${POSTING_FILTER} && ${IS_DRAFT_FILTER}`
