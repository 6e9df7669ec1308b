/** Fictional content the Studio end-to-end tests start from. */
export const TEAMS = [
  {
    _id: 'team-cloud-network',
    _type: 'team',
    name: 'Cloud network',
    slug: {_type: 'slug', current: 'cloud-network'},
  },
  {_id: 'team-billing', _type: 'team', name: 'Billing', slug: {_type: 'slug', current: 'billing'}},
]

const block = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'normal',
  markDefs: [],
  children: [{_type: 'span', _key: `${key}-span`, text, marks: []}],
})

export const POSTINGS = [
  {
    _id: 'posting-network-engineer',
    _type: 'posting',
    title: 'Network Engineer',
    slug: {_type: 'slug', current: 'network-engineer'},
    language: 'en',
    publishedAt: '2026-01-12T09:00:00.000Z',
    team: {_type: 'reference', _ref: 'team-cloud-network'},
    intro: 'Build the backbone that carries our customers’ traffic between four Nordic regions.',
    body: [block('b1', 'You will run BGP at scale and automate everything twice.')],
    apply: {_type: 'applyLink', label: 'Apply now', url: 'https://jobs.example.com/network'},
  },
  {
    _id: 'posting-billing-developer',
    _type: 'posting',
    title: 'Billing Developer',
    slug: {_type: 'slug', current: 'billing-developer'},
    language: 'en',
    publishedAt: '2026-02-02T09:00:00.000Z',
    team: {_type: 'reference', _ref: 'team-billing'},
    intro: 'Make every invoice right the first time, in five currencies.',
    body: [block('b1', 'You will own the rating engine and its tests.')],
    apply: {_type: 'applyLink', label: 'Apply now', url: 'https://jobs.example.com/billing'},
  },
]

export const SEED_DOCUMENTS = [...TEAMS, ...POSTINGS]
