import {Badge, Box, Card, Flex, Spinner, Stack, Text} from '@sanity/ui'
import {getPublishedId, usePerspective} from 'sanity'
import {IntentLink} from 'sanity/router'
import type {UserViewComponent} from 'sanity/structure'

import type {POSTINGS_USING_DOCUMENT_QUERY_RESULT} from '../../sanity.types'
import type {ResolvedCareersConfig} from './config'
import {POSTINGS_USING_DOCUMENT_QUERY} from './queries'
import {useLiveQuery} from './useLiveQuery'

/**
 * The "Used in" view of a team, contact or recruitment process: the postings that show it, so an
 * editor knows which pages a change reaches before making it.
 */
const PostingUsageView: UserViewComponent<ResolvedCareersConfig> = ({documentId}) => {
  const {perspectiveStack} = usePerspective()
  const {data: postings, error} = useLiveQuery<POSTINGS_USING_DOCUMENT_QUERY_RESULT>({
    query: POSTINGS_USING_DOCUMENT_QUERY,
    params: {id: getPublishedId(documentId)},
    perspective: perspectiveStack,
  })

  if (error) {
    return (
      <Card tone="critical" padding={4}>
        <Text size={1}>Could not list the postings that use this: {error.message}</Text>
      </Card>
    )
  }
  if (!postings) {
    return (
      <Flex align="center" justify="center" padding={5} gap={3}>
        <Spinner muted />
        <Text muted>Finding the postings that use this…</Text>
      </Flex>
    )
  }
  return (
    <Stack gap={3} padding={4}>
      <Text size={1} muted>
        {postings.length
          ? `Changes here show on ${postings.length === 1 ? 'this posting' : `these ${postings.length} postings`}:`
          : 'No posting uses this yet.'}
      </Text>
      {postings.map((posting) => (
        <Card key={posting._id} radius={2} border padding={3} tone="default">
          <Flex align="center" gap={3}>
            <Box flex={1}>
              <IntentLink intent="edit" params={{id: posting._id, type: 'posting'}}>
                <Text size={1} weight="semibold">
                  {posting.title || 'Untitled posting'}
                </Text>
              </IntentLink>
            </Box>
            {posting.language && <Badge>{posting.language.toUpperCase()}</Badge>}
            {posting.isDraft && <Badge tone="default">Unpublished changes</Badge>}
            <Badge tone={posting.isExpired ? 'caution' : 'positive'}>
              {posting.isExpired ? 'Expired' : 'Open'}
            </Badge>
          </Flex>
        </Card>
      ))}
    </Stack>
  )
}

export default PostingUsageView
