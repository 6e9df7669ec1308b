import {CodeIcon} from '@sanity/icons/Code'
import {defineField, defineType} from 'sanity'

/**
 * Markup from the old website that has no structured block (yet). The import keeps it verbatim so
 * nothing is lost; the website shows it sanitised. HR can rewrite it into proper blocks.
 */
export const preservedSource = defineType({
  name: 'preservedSource',
  title: 'Preserved markup',
  type: 'object',
  icon: CodeIcon,
  fields: [
    defineField({
      name: 'format',
      type: 'string',
      title: 'Kind',
      options: {
        list: [
          {title: 'HTML', value: 'html'},
          {title: 'Hugo shortcode', value: 'shortcode'},
          {title: 'Markdown', value: 'markdown'},
        ],
      },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'source',
      type: 'text',
      title: 'Source',
      rows: 6,
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'reason',
      type: 'string',
      title: 'Why it was kept as is',
      readOnly: true,
    }),
  ],
  validation: (rule) =>
    rule
      .custom(() => 'Kept verbatim from the old website: rewrite it as regular content if you can.')
      .warning(),
  preview: {
    select: {format: 'format', source: 'source'},
    prepare: ({format, source}) => ({
      title: typeof source === 'string' ? source.slice(0, 80) : 'Preserved markup',
      subtitle: `Preserved ${format ?? ''} from the old website`,
    }),
  },
})
