import {at, defineMigration, set} from 'sanity/migrate'

import {stepsAsText} from '../../lib/model/recruitmentSteps'

/**
 * `sanity migration run recruitment-steps-as-text` (dry run unless --no-dry-run)
 *
 * Recruitment steps stored as a name and a description become the step's words with their
 * formatting: the name in bold, then " - " and what happens. Processes already in today's shape
 * are left alone, so a second run changes nothing.
 */
export default defineMigration({
  title: 'Recruitment steps as formatted text',
  documentTypes: ['recruitmentProcess'],
  migrate: {
    document(process) {
      const steps = stepsAsText(process.steps as Parameters<typeof stepsAsText>[0])
      return steps ? [at('steps', set(steps))] : []
    },
  },
})
