/**
 * Everything that runs on the imported corpus, in one file so the import (and the Sanity schema
 * it loads) is paid once. Each concern keeps its own suite module.
 */
import {beforeAll} from 'vitest'

import {importCorpus, type ImportedCorpus} from './corpus'
import {describeFrontMatterRoundTrip, describeHugoRoundTrip} from './hugo.suite'
import {describeQueriesOnCorpus} from './queries.suite'
import {describePagesOfCorpus} from './render.suite'

let corpus: ImportedCorpus | undefined
beforeAll(async () => {
  corpus = await importCorpus()
})
const imported = (): ImportedCorpus => {
  if (!corpus) throw new Error('The corpus import has not run.')
  return corpus
}

describeQueriesOnCorpus(imported)
describePagesOfCorpus(imported)
describeHugoRoundTrip(imported)
describeFrontMatterRoundTrip(imported)
