/**
 * What "open", "expired" and "draft" mean, as GROQ filter fragments. The Studio's desk structure,
 * the careers plugin and the website's queries all build on these, so HR and candidates always
 * see the same lists. `now()` is evaluated by the query engine at request time.
 *
 * They are written for perspective queries (lib/dataset/perspective.ts): the website queries in
 * `published`, the Studio in its perspective stack (`drafts` by default). There every document
 * carries its published id in `_id`, so "is it a draft" is asked of `_originalId`, the stored id;
 * `coalesce` keeps the same filter right in `raw`, where `_id` is the stored id and there is no
 * `_originalId`. `path("drafts.**")` matches ids under `drafts.`, however many dots follow.
 */
export const POSTING_FILTER = `_type == "posting"`

/** The id the document is stored under, in any perspective. */
const STORED_ID = `coalesce(_originalId, _id)`

/** The version seen is a draft: a posting never published, or the pending changes of one. */
export const IS_DRAFT_FILTER = `${STORED_ID} in path("drafts.**")`

export const NOT_EXPIRED_FILTER = `(!defined(validThrough) || dateTime(validThrough) > dateTime(now()))`

export const EXPIRED_FILTER = `(defined(validThrough) && dateTime(validThrough) <= dateTime(now()))`

/**
 * Not past its closing date. Published in the `published` perspective the website queries in;
 * in `drafts` (the export's `--drafts` preview) drafts are included as they would be published.
 */
export const OPEN_POSTING_FILTER = `${POSTING_FILTER} && ${NOT_EXPIRED_FILTER}`

export const EXPIRED_POSTING_FILTER = `${POSTING_FILTER} && ${EXPIRED_FILTER}`

/** Postings with unpublished changes, including those never published (Studio perspectives, raw). */
export const DRAFT_POSTING_FILTER = `${POSTING_FILTER} && ${IS_DRAFT_FILTER}`
