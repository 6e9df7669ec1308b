/**
 * The Content Lake API version every client of this project uses: the Studio's desk and plugin,
 * the scripts, the import and the tests. From this version on a query without a perspective sees
 * `published`, and perspective stacks (releases) are understood.
 */
export const SANITY_API_VERSION = '2025-02-19'
