import {CaseIcon} from '@sanity/icons/Case'
import {ClockIcon} from '@sanity/icons/Clock'
import {EditIcon} from '@sanity/icons/Edit'
import {UsersIcon} from '@sanity/icons/Users'
import {distinctUntilChanged, map} from 'rxjs'
import type {SortOrderingItem} from 'sanity'
import type {StructureBuilder, StructureResolver, StructureResolverContext} from 'sanity/structure'

import {SANITY_API_VERSION} from '../lib/apiVersion'
import {DRAFT_POSTING_FILTER, POSTING_FILTER} from '../lib/queries/filters'
import {EXPIRED_POSTING_IDS_QUERY, OPEN_POSTING_IDS_QUERY} from '../lib/queries/queries'

interface PostingList {
  title: string
  ordering: SortOrderingItem[]
}

function postingList(S: StructureBuilder, {title, ordering}: PostingList) {
  return S.documentList()
    .title(title)
    .schemaType('posting')
    .apiVersion(SANITY_API_VERSION)
    .defaultOrdering(ordering)
}

/**
 * The published postings `idsQuery` selects, listed in the editor's perspective. The desk
 * queries in the editor's perspective stack (`drafts` by default), where a published posting with
 * pending changes is its draft and cannot be told from one never published; so which postings
 * belong is asked in the `published` perspective, live, and the list shows those ids.
 */
function publishedPostingList(
  S: StructureBuilder,
  context: StructureResolverContext,
  idsQuery: string,
  list: PostingList,
) {
  return () =>
    context.documentStore
      .listenQuery(
        idsQuery,
        {},
        {perspective: 'published', apiVersion: SANITY_API_VERSION, tag: 'careers.desk'},
      )
      .pipe(
        map((ids: string[]) => [...ids].sort()),
        distinctUntilChanged((before, after) => before.join() === after.join()),
        map((ids) => postingList(S, list).filter('_id in $ids').params({ids})),
      )
}

/** The desk as HR works: postings by state and by team, then the shared building blocks. */
export const structure: StructureResolver = (S, context) =>
  S.list()
    .title('Careers')
    .items([
      S.listItem()
        .title('Job postings')
        .icon(CaseIcon)
        .child(
          S.list()
            .title('Job postings')
            .items([
              S.listItem()
                .id('open')
                .title('Open')
                .icon(CaseIcon)
                .child(
                  publishedPostingList(S, context, OPEN_POSTING_IDS_QUERY, {
                    title: 'Open postings',
                    ordering: [{field: 'publishedAt', direction: 'desc'}],
                  }),
                ),
              S.listItem()
                .id('drafts')
                .title('Drafts')
                .icon(EditIcon)
                .child(
                  postingList(S, {
                    title: 'Postings with unpublished changes',
                    ordering: [{field: '_updatedAt', direction: 'desc'}],
                  }).filter(DRAFT_POSTING_FILTER),
                ),
              S.listItem()
                .id('expired')
                .title('Expired')
                .icon(ClockIcon)
                .child(
                  publishedPostingList(S, context, EXPIRED_POSTING_IDS_QUERY, {
                    title: 'Expired postings',
                    ordering: [{field: 'validThrough', direction: 'desc'}],
                  }),
                ),
              S.listItem()
                .id('byTeam')
                .title('By team')
                .icon(UsersIcon)
                .child(
                  S.documentTypeList('team')
                    .title('Postings by team')
                    .child((teamId) =>
                      postingList(S, {
                        title: 'Postings',
                        ordering: [{field: 'publishedAt', direction: 'desc'}],
                      })
                        .filter(`${POSTING_FILTER} && team._ref == $teamId`)
                        .params({teamId}),
                    ),
                ),
              S.divider(),
              S.documentTypeListItem('posting').title('All postings'),
            ]),
        ),
      S.documentTypeListItem('careersPage').title('Careers page'),
      S.divider(),
      S.documentTypeListItem('team').title('Teams'),
      S.documentTypeListItem('contact').title('Contacts'),
      S.documentTypeListItem('recruitmentProcess').title('Recruitment processes'),
    ])
