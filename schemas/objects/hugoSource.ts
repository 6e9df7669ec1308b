import {ArchiveIcon} from '@sanity/icons/Archive'
import {defineArrayMember, defineField, defineType} from 'sanity'

/**
 * What the old Hugo page said that has no editorial meaning any more but that the export needs
 * to write the same page back: kept read-only, out of HR's way.
 */
export const hugoSource = defineType({
  name: 'hugoSource',
  title: 'Old website',
  type: 'object',
  icon: ArchiveIcon,
  readOnly: true,
  options: {collapsible: true, collapsed: true},
  fields: [
    defineField({name: 'path', type: 'string', title: 'Imported from'}),
    defineField({name: 'section', type: 'string', title: 'Hugo section'}),
    defineField({name: 'showDate', type: 'boolean', title: 'Showed the date'}),
    defineField({name: 'cardImage', type: 'string', title: 'Card image'}),
    defineField({name: 'eventImage', type: 'string', title: 'Event image'}),
    defineField({name: 'listLayout', type: 'string', title: 'List layout'}),
    defineField({
      name: 'unmappedKeys',
      type: 'array',
      title: 'Other front matter',
      description: 'Front-matter keys the model has no field for, kept verbatim.',
      of: [
        defineArrayMember({
          name: 'frontMatterEntry',
          type: 'object',
          fields: [
            defineField({name: 'key', type: 'string'}),
            defineField({name: 'value', type: 'string', description: 'The value as JSON.'}),
          ],
          preview: {select: {title: 'key', subtitle: 'value'}},
        }),
      ],
    }),
  ],
})
