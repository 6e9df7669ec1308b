/**
 * The Studio-only queries of the careers plugin. The posting itself is shaped by the website's
 * POSTING_BY_SLUG_QUERY (lib/queries); these only fetch what that projection dereferences and
 * list who uses a shared document.
 */
import {defineQuery} from 'groq'

import {EXPIRED_FILTER, IS_DRAFT_FILTER, POSTING_FILTER} from '../../lib/queries/filters'

/** The documents a posting references, as the editor's perspective sees them. */
export const REFERENCED_DOCUMENTS_QUERY = defineQuery(`*[_id in $ids]`)

/**
 * Postings that reference a team, contact or recruitment process, newest first, in the editor's
 * perspective; "is a draft" is the shared filter, which reads the stored id.
 */
export const POSTINGS_USING_DOCUMENT_QUERY = defineQuery(`
  *[${POSTING_FILTER} && references($id)] | order(publishedAt desc) {
    _id,
    title,
    "slug": slug.current,
    language,
    "isExpired": ${EXPIRED_FILTER},
    "isDraft": ${IS_DRAFT_FILTER}
  }
`)
