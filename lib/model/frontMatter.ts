/**
 * Where each Hugo front-matter key of a posting lives in the Sanity model. Keys are matched
 * case-insensitively, as Hugo does. `field` is a path in the `posting` document; keys whose
 * meaning is layout only are listed with the reason they need no field.
 */
export type FrontMatterHome = {field: string; note?: string} | {layoutOnly: string}

export const FRONT_MATTER_HOMES: Readonly<Record<string, FrontMatterHome>> = {
  title: {field: 'title'},
  intro: {field: 'intro'},
  team: {field: 'team', note: 'a reference to a team document, deduplicated by name'},
  location: {field: 'location.display', note: 'plus workplaceType, countries and city'},
  duration: {field: 'employmentType'},
  draft: {field: '_id', note: 'true makes a drafts.* document with no published version'},
  date: {field: 'publishedAt'},
  sidebarlinkurl: {field: 'apply.url'},
  sidebarlinkname: {field: 'apply.label'},
  sidebarlinkicon: {field: 'apply.icon'},
  sidebarimage: {field: 'sidebarImage'},
  socialmedia: {field: 'socialImage'},
  socialmediabild: {field: 'socialImage'},
  language: {field: 'language'},
  toc: {field: 'tableOfContentsLabel'},
  aliases: {field: 'aliases'},
  tags: {field: 'tags'},
  slug: {field: 'slug'},
  section: {field: 'hugo.section'},
  showthedate: {field: 'hugo.showDate'},
  card: {field: 'hugo.cardImage'},
  eventbild: {field: 'hugo.eventImage'},
  list: {field: 'hugo.listLayout', note: 'used by section index pages only'},
  validthrough: {field: 'validThrough'},
  expirydate: {field: 'validThrough', note: "Hugo's own expiry date"},
  publishdate: {field: 'publishedAt', note: "Hugo's own publish date, preferred over date"},
}

export function frontMatterHome(key: string): FrontMatterHome | undefined {
  return FRONT_MATTER_HOMES[key.trim().toLowerCase()]
}
