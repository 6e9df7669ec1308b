import {CaseIcon} from '@sanity/icons/Case'
import {ClockIcon} from '@sanity/icons/Clock'
import {EditIcon} from '@sanity/icons/Edit'
import {UsersIcon} from '@sanity/icons/Users'
import type {StructureResolver} from 'sanity/structure'

import {
  DRAFT_POSTING_FILTER,
  EXPIRED_POSTING_FILTER,
  OPEN_POSTING_FILTER,
  POSTING_FILTER,
} from '../lib/queries/filters'

/** The Content Lake API version the filtered lists query with. */
const STRUCTURE_API_VERSION = '2025-02-19'

/** The desk as HR works: postings by state and by team, then the shared building blocks. */
export const structure: StructureResolver = (S) =>
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
                .title('Open')
                .icon(CaseIcon)
                .child(
                  S.documentList()
                    .title('Open postings')
                    .schemaType('posting')
                    .apiVersion(STRUCTURE_API_VERSION)
                    .filter(OPEN_POSTING_FILTER)
                    .defaultOrdering([{field: 'publishedAt', direction: 'desc'}]),
                ),
              S.listItem()
                .title('Drafts')
                .icon(EditIcon)
                .child(
                  S.documentList()
                    .title('Postings with unpublished changes')
                    .schemaType('posting')
                    .apiVersion(STRUCTURE_API_VERSION)
                    .filter(DRAFT_POSTING_FILTER)
                    .defaultOrdering([{field: '_updatedAt', direction: 'desc'}]),
                ),
              S.listItem()
                .title('Expired')
                .icon(ClockIcon)
                .child(
                  S.documentList()
                    .title('Expired postings')
                    .schemaType('posting')
                    .apiVersion(STRUCTURE_API_VERSION)
                    .filter(EXPIRED_POSTING_FILTER)
                    .defaultOrdering([{field: 'validThrough', direction: 'desc'}]),
                ),
              S.listItem()
                .title('By team')
                .icon(UsersIcon)
                .child(
                  S.documentTypeList('team')
                    .title('Postings by team')
                    .child((teamId) =>
                      S.documentList()
                        .title('Postings')
                        .schemaType('posting')
                        .apiVersion(STRUCTURE_API_VERSION)
                        .filter(`${POSTING_FILTER} && team._ref == $teamId`)
                        .params({teamId})
                        .defaultOrdering([{field: 'publishedAt', direction: 'desc'}]),
                    ),
                ),
              S.divider(),
              S.documentTypeListItem('posting').title('All postings'),
            ]),
        ),
      S.divider(),
      S.documentTypeListItem('team').title('Teams'),
      S.documentTypeListItem('contact').title('Contacts'),
      S.documentTypeListItem('recruitmentProcess').title('Recruitment processes'),
    ])
