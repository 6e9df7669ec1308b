import {CodeIcon} from '@sanity/icons/Code'
import {defineArrayMember, defineField, defineType} from 'sanity'

/**
 * Markup from the old website that has no structured block. The import keeps it so nothing is
 * lost; HR can read it, delete it, or rewrite its content as regular blocks, but not edit it:
 * what the website receives from it is decided by the export, never typed in here.
 *
 * Why read-only and structured: a shortcode is a call into the website's own templates, and raw
 * HTML is code. Were the text editable and written out verbatim, anyone who can edit a posting
 * could put any template call or script on the website. So the export never writes `source`
 * itself. A shortcode is written back from its parsed parts (name, parameters, inner text): the
 * name must be one of the website's display shortcodes, every parameter is quoted by the
 * serialiser and links in it pass the same link policy as every other link, and the inner text
 * is cleaned like preserved HTML. HTML goes through the website's HTML allow-list; markdown is
 * written with its tags shown as text. The Content Lake does not enforce `readOnly`, which is why
 * the export checks instead of trusting this form.
 */
export const preservedSource = defineType({
  name: 'preservedSource',
  title: 'Preserved markup',
  type: 'object',
  icon: CodeIcon,
  readOnly: true,
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
      title: 'As the old website had it',
      rows: 6,
      description: 'For reference only: the export writes the parts below, checked, not this text.',
    }),
    defineField({
      name: 'reason',
      type: 'string',
      title: 'Why it was kept as is',
    }),
    defineField({
      name: 'shortcode',
      type: 'object',
      title: 'Shortcode parts',
      hidden: ({parent}) => (parent as {format?: string} | undefined)?.format !== 'shortcode',
      fields: [
        defineField({name: 'name', type: 'string', title: 'Name'}),
        defineField({
          name: 'delimiter',
          type: 'string',
          title: 'Form',
          options: {list: ['<', '%']},
        }),
        defineField({
          name: 'params',
          type: 'array',
          title: 'Parameters',
          of: [
            defineArrayMember({
              name: 'shortcodeParam',
              type: 'object',
              fields: [
                defineField({
                  name: 'name',
                  type: 'string',
                  description: 'Empty for a positional parameter.',
                }),
                defineField({name: 'value', type: 'string'}),
              ],
              preview: {select: {title: 'name', subtitle: 'value'}},
            }),
          ],
        }),
        defineField({
          name: 'inner',
          type: 'text',
          title: 'Inner text',
          description: 'Empty for a shortcode without a closing tag.',
        }),
        defineField({name: 'paired', type: 'boolean', title: 'Has a closing tag'}),
      ],
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
