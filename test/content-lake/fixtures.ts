/** Fictional content for the server tests. */
export const TEAM = {_id: 'team-data-platform', _type: 'team', name: 'Data platform'}

export const PUBLISHED_POSTING = {
  _id: 'posting-site-reliability',
  _type: 'posting',
  title: 'Site Reliability Engineer',
  language: 'en',
  team: {_type: 'reference', _ref: TEAM._id},
  apply: {label: 'Apply now', url: 'https://jobs.example.com/sre'},
}

export const DRAFT_POSTING = {
  _id: 'drafts.posting-site-reliability',
  _type: 'posting',
  title: 'Senior Site Reliability Engineer',
  language: 'en',
}

export const UNPUBLISHED_DRAFT = {
  _id: 'drafts.posting-data-analyst',
  _type: 'posting',
  title: 'Data Analyst',
  language: 'sv',
}

export const SEED_DOCUMENTS = [TEAM, PUBLISHED_POSTING, DRAFT_POSTING, UNPUBLISHED_DRAFT]

export function toNdjson(documents: readonly object[]): string {
  return documents.map((document) => `${JSON.stringify(document)}\n`).join('')
}
