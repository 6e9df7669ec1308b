import {DesktopIcon} from '@sanity/icons/Desktop'
import {MobileDeviceIcon} from '@sanity/icons/MobileDevice'
import {
  Badge,
  Box,
  Button,
  Card,
  Flex,
  Inline,
  Spinner,
  Stack,
  Tab,
  TabList,
  TabPanel,
  Text,
} from '@sanity/ui'
import {Code} from '@sanity/ui/code'
import {useMemo, useState, type ReactNode} from 'react'
import {usePerspective, type SanityDocument} from 'sanity'
import type {UserViewComponent} from 'sanity/structure'

import {findMissingJobPostingFields, type PostingPage} from '../../lib/render'
import siteStylesheet from '../../lib/render/site.css?raw'
import type {ResolvedCareersConfig} from './config'
import {findBrokenAnchors} from './linkChecks'
import {SitePageFrame, type FrameWidth} from './SitePageFrame'
import {usePostingPage, type PostingPageState} from './usePostingPage'

type Version = 'draft' | 'published' | 'compare'
type Panel = 'page' | 'jsonLd' | 'checks'

/**
 * The "Preview" view of a posting: the page exactly as the website export renders it, from the
 * form's current value, beside what is published, with the JSON-LD job boards read and the
 * links the website would drop.
 */
const PostingPreviewView: UserViewComponent<ResolvedCareersConfig> = ({
  document,
  documentId,
  schemaType,
  options,
}) => {
  const {perspectiveStack} = usePerspective()
  const pageOptions = useMemo(() => ({siteBaseUrl: options.siteBaseUrl}), [options.siteBaseUrl])
  const [version, setVersion] = useState<Version>('draft')
  const [width, setWidth] = useState<FrameWidth>('desktop')
  const [panel, setPanel] = useState<Panel>('page')

  const edited = useMemo(
    () => ({_id: documentId, _type: schemaType.name, ...document.displayed}) as SanityDocument,
    [document.displayed, documentId, schemaType.name],
  )
  const showsPublished = version !== 'draft'
  const editedPage = usePostingPage(edited, perspectiveStack, pageOptions)
  const publishedPage = usePostingPage(
    showsPublished ? document.published : null,
    'published',
    pageOptions,
  )
  const current = version === 'published' ? publishedPage : editedPage
  const page = current.rendered?.page
  const missing = useMemo(() => (page ? findMissingJobPostingFields(page.jsonLd) : []), [page])
  const brokenAnchors = useMemo(() => (page ? findBrokenAnchors(page.html) : []), [page])
  const checkCount = (page?.issues.length ?? 0) + brokenAnchors.length

  return (
    <Flex direction="column" height="fill">
      <Card borderBottom padding={2}>
        <Flex align="center" gap={2} wrap="wrap">
          <TabList gap={1}>
            <PanelTab id="page" current={panel} onSelect={setPanel} label="Page" />
            <PanelTab
              id="jsonLd"
              current={panel}
              onSelect={setPanel}
              label="JSON-LD"
              count={missing.filter((field) => field.level === 'required').length}
            />
            <PanelTab
              id="checks"
              current={panel}
              onSelect={setPanel}
              label="Checks"
              count={checkCount}
            />
          </TabList>
          <Box flex={1} />
          <Inline gap={1}>
            <ToggleButton selected={version === 'draft'} onClick={() => setVersion('draft')}>
              {document.draft ? 'Draft' : 'Current'}
            </ToggleButton>
            <ToggleButton
              selected={version === 'published'}
              onClick={() => setVersion('published')}
            >
              Published
            </ToggleButton>
            <ToggleButton selected={version === 'compare'} onClick={() => setVersion('compare')}>
              Side by side
            </ToggleButton>
          </Inline>
          <Inline gap={1}>
            <ToggleButton
              selected={width === 'desktop'}
              onClick={() => setWidth('desktop')}
              icon={DesktopIcon}
              label="Desktop width"
            />
            <ToggleButton
              selected={width === 'mobile'}
              onClick={() => setWidth('mobile')}
              icon={MobileDeviceIcon}
              label="Mobile width"
            />
          </Inline>
        </Flex>
      </Card>
      {current.error && (
        <Card tone="critical" padding={3} borderBottom>
          <Text size={1}>The preview could not be updated: {current.error.message}</Text>
        </Card>
      )}
      <Box flex={1} overflow="auto">
        <TabPanel
          id="careers-preview-page"
          aria-labelledby="careers-preview-tab-page"
          hidden={panel !== 'page'}
          style={{height: '100%'}}
        >
          {version === 'compare' ? (
            <Flex height="fill">
              <LabelledFrame label={document.draft ? 'Draft' : 'Current'}>
                <PageFrame state={editedPage} width={width} siteBaseUrl={options.siteBaseUrl} />
              </LabelledFrame>
              <Card borderLeft flex={1} display="flex">
                <LabelledFrame label="Published">
                  <PageFrame
                    state={publishedPage}
                    width={width}
                    siteBaseUrl={options.siteBaseUrl}
                    unpublished={!document.published}
                  />
                </LabelledFrame>
              </Card>
            </Flex>
          ) : (
            <PageFrame
              state={current}
              width={width}
              siteBaseUrl={options.siteBaseUrl}
              unpublished={version === 'published' && !document.published}
            />
          )}
        </TabPanel>
        {panel === 'jsonLd' && page && (
          <TabPanel id="careers-preview-jsonLd" aria-labelledby="careers-preview-tab-jsonLd">
            <JsonLdPanel page={page} missing={missing} />
          </TabPanel>
        )}
        {panel === 'checks' && page && (
          <TabPanel id="careers-preview-checks" aria-labelledby="careers-preview-tab-checks">
            <ChecksPanel page={page} brokenAnchors={brokenAnchors} />
          </TabPanel>
        )}
      </Box>
    </Flex>
  )
}

function PanelTab({
  id,
  current,
  onSelect,
  label,
  count,
}: {
  id: Panel
  current: Panel
  onSelect: (panel: Panel) => void
  label: string
  count?: number
}) {
  return (
    <Tab
      id={`careers-preview-tab-${id}`}
      aria-controls={`careers-preview-${id}`}
      selected={current === id}
      onClick={() => onSelect(id)}
      label={count ? `${label} (${count})` : label}
    />
  )
}

function ToggleButton({
  selected,
  onClick,
  children,
  icon,
  label,
}: {
  selected: boolean
  onClick: () => void
  children?: ReactNode
  icon?: React.ComponentType
  label?: string
}) {
  return (
    <Button
      mode={selected ? 'default' : 'bleed'}
      tone={selected ? 'primary' : 'default'}
      aria-pressed={selected}
      aria-label={label}
      title={label}
      icon={icon}
      text={children}
      fontSize={1}
      padding={2}
      onClick={onClick}
    />
  )
}

function LabelledFrame({label, children}: {label: string; children: ReactNode}) {
  return (
    <Flex direction="column" flex={1}>
      <Card padding={2} borderBottom tone="transparent">
        <Text size={1} weight="semibold">
          {label}
        </Text>
      </Card>
      <Box flex={1}>{children}</Box>
    </Flex>
  )
}

function PageFrame({
  state,
  width,
  siteBaseUrl,
  unpublished,
}: {
  state: PostingPageState
  width: FrameWidth
  siteBaseUrl: string
  unpublished?: boolean
}) {
  if (unpublished) {
    return (
      <Box padding={4}>
        <Text muted>This posting has not been published yet.</Text>
      </Box>
    )
  }
  if (!state.rendered) {
    return (
      <Flex align="center" justify="center" padding={5} gap={3}>
        <Spinner muted />
        <Text muted>Rendering the page…</Text>
      </Flex>
    )
  }
  return (
    <Card tone="transparent" height="fill" padding={width === 'mobile' ? 3 : 0}>
      <SitePageFrame
        html={state.rendered.page.html}
        siteBaseUrl={siteBaseUrl}
        stylesheet={siteStylesheet}
        width={width}
        title="The posting as the website shows it"
      />
    </Card>
  )
}

function JsonLdPanel({
  page,
  missing,
}: {
  page: PostingPage
  missing: ReturnType<typeof findMissingJobPostingFields>
}) {
  return (
    <Stack gap={4} padding={4}>
      {missing.length ? (
        <Stack gap={2}>
          <Text size={1} weight="semibold">
            Google for Jobs fields still missing
          </Text>
          {missing.map((field) => (
            <Card
              key={field.field}
              padding={3}
              radius={2}
              tone={field.level === 'required' ? 'critical' : 'caution'}
            >
              <Flex gap={2} align="center">
                <Badge tone={field.level === 'required' ? 'critical' : 'caution'}>
                  {field.level}
                </Badge>
                <Text size={1}>
                  <code>{field.field}</code>: {field.fix}
                </Text>
              </Flex>
            </Card>
          ))}
        </Stack>
      ) : (
        <Card padding={3} radius={2} tone="positive">
          <Text size={1}>Google for Jobs has every field it needs.</Text>
        </Card>
      )}
      <Stack gap={2}>
        <Text size={1} weight="semibold">
          JSON-LD the page ships
        </Text>
        <Card padding={3} radius={2} tone="transparent" overflow="auto">
          <Code size={1}>{JSON.stringify(page.jsonLd, null, 2)}</Code>
        </Card>
      </Stack>
    </Stack>
  )
}

function ChecksPanel({
  page,
  brokenAnchors,
}: {
  page: PostingPage
  brokenAnchors: ReturnType<typeof findBrokenAnchors>
}) {
  if (!page.issues.length && !brokenAnchors.length) {
    return (
      <Box padding={4}>
        <Card padding={3} radius={2} tone="positive">
          <Text size={1}>Every link is safe and every in-page link has its target.</Text>
        </Card>
      </Box>
    )
  }
  return (
    <Stack gap={2} padding={4}>
      {brokenAnchors.map((anchor) => (
        <Card key={`anchor-${anchor.href}-${anchor.text}`} padding={3} radius={2} tone="critical">
          <Text size={1}>
            Broken in-page link “{anchor.text || anchor.href}”: nothing on the page has the id{' '}
            <code>{anchor.href}</code>. Add a jump target with that name or fix the link.
          </Text>
        </Card>
      ))}
      {page.issues.map((issue) => (
        <Card key={`${issue.path}-${issue.message}`} padding={3} radius={2} tone="caution">
          <Stack gap={2}>
            <Text size={1} weight="semibold">
              {issue.path}
            </Text>
            <Text size={1}>{issue.message}</Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  )
}

export default PostingPreviewView
