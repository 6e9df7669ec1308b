import {BlockquoteIcon} from '@sanity/icons/Blockquote'
import {defineType} from 'sanity'

import {hugoFormField} from '../fields'

/**
 * Where the lead paragraph stands in the body. The text itself is written once, in the "Lead
 * paragraph" field; without this block it opens the page.
 */
export const ingressPlacement = defineType({
  name: 'ingressPlacement',
  title: 'Lead paragraph here',
  type: 'object',
  icon: BlockquoteIcon,
  fields: [hugoFormField],
  preview: {
    prepare: () => ({
      title: 'Lead paragraph',
      subtitle: 'Shown here: edit its text in the Lead paragraph field',
    }),
  },
})
