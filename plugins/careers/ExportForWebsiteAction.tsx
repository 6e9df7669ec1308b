import {ClipboardIcon} from '@sanity/icons/Clipboard'
import {DocumentIcon} from '@sanity/icons/Document'
import {DownloadIcon} from '@sanity/icons/Download'
import {Button, Card, Flex, Spinner, Stack, Text} from '@sanity/ui'
import {useToast} from '@sanity/ui/toast'
import {useState} from 'react'
import {
  getDraftId,
  isPublishedId,
  usePerspective,
  useValidationStatus,
  type DocumentActionComponent,
  type SanityDocument,
} from 'sanity'

import type {RenderIssue} from '../../lib/render'
import type {ResolvedCareersConfig} from './config'
import {downloadFile} from './download'
import {usePostingPage, type RenderedPosting} from './usePostingPage'

/**
 * "Export for website": the posting as the Hugo site's markdown file, as the finished HTML page,
 * and its JSON-LD, all from the same core as the website export. Disabled, with the reason,
 * while the posting has validation errors, so nothing invalid leaves the Studio.
 */
export function createExportForWebsiteAction(
  config: Pick<ResolvedCareersConfig, 'siteBaseUrl'>,
): DocumentActionComponent {
  const pageOptions = {siteBaseUrl: config.siteBaseUrl, withMarkdown: true}

  const ExportForWebsiteAction: DocumentActionComponent = ({
    id,
    type,
    draft,
    published,
    version,
  }) => {
    const exported = version ?? draft ?? published
    const {validation} = useValidationStatus(exported?._id ?? getDraftId(id), type, false)
    const {perspectiveStack} = usePerspective()
    const [dialogOpen, setDialogOpen] = useState(false)
    const {rendered, error} = usePostingPage(
      dialogOpen ? exported : null,
      perspectiveStack,
      pageOptions,
    )

    const errors = validation.filter((marker) => marker.level === 'error')
    const disabledReason = !exported
      ? 'Write the posting first: there is nothing to export yet.'
      : errors.length
        ? `Fix ${errors.length === 1 ? 'the validation error' : `${errors.length} validation errors`} first: ${errors[0]?.message}`
        : undefined

    return {
      label: 'Export for website',
      icon: DownloadIcon,
      disabled: Boolean(disabledReason),
      title: disabledReason,
      onHandle: () => setDialogOpen(true),
      dialog:
        dialogOpen && exported
          ? {
              type: 'dialog',
              header: 'Export for website',
              width: 'medium',
              onClose: () => setDialogOpen(false),
              content: <ExportPanel exported={exported} rendered={rendered} error={error} />,
            }
          : null,
    }
  }
  ExportForWebsiteAction.displayName = 'ExportForWebsiteAction'
  return ExportForWebsiteAction
}

function ExportPanel({
  exported,
  rendered,
  error,
}: {
  exported: SanityDocument
  rendered: RenderedPosting | undefined
  error: Error | undefined
}) {
  const toast = useToast()
  const isDraft = !isPublishedId(exported._id)
  const markdown = rendered?.markdown
  if (error) {
    return (
      <Card tone="critical" padding={3} radius={2}>
        <Text size={1}>The posting could not be rendered: {error.message}</Text>
      </Card>
    )
  }
  if (!rendered || !markdown) {
    return (
      <Flex align="center" gap={3} padding={3}>
        <Spinner muted />
        <Text muted>Rendering the posting…</Text>
      </Flex>
    )
  }
  const fileName = rendered.posting.slug || 'posting'
  const issues = dedupeIssues([...rendered.page.issues, ...markdown.issues])

  const copyJsonLd = () => {
    navigator.clipboard.writeText(JSON.stringify(rendered.page.jsonLd, null, 2)).then(
      () => toast.push({status: 'success', title: 'JSON-LD copied to the clipboard'}),
      (copyError: unknown) =>
        toast.push({
          status: 'error',
          title: 'Could not copy the JSON-LD',
          description: copyError instanceof Error ? copyError.message : String(copyError),
        }),
    )
  }

  return (
    <Stack gap={4}>
      <Text size={1} muted>
        {isDraft
          ? 'Exporting the draft, with its unpublished changes. The markdown is marked draft: true.'
          : 'Exporting the published posting.'}
      </Text>
      <Stack gap={2}>
        <Button
          icon={DocumentIcon}
          text={`Download Hugo markdown (${fileName}.md)`}
          mode="ghost"
          onClick={() => downloadFile(`${fileName}.md`, markdown.markdown, 'text/markdown')}
        />
        <Button
          icon={DownloadIcon}
          text={`Download HTML page (${fileName}.html)`}
          mode="ghost"
          onClick={() => downloadFile(`${fileName}.html`, rendered.page.html, 'text/html')}
        />
        <Button icon={ClipboardIcon} text="Copy JSON-LD" mode="ghost" onClick={copyJsonLd} />
      </Stack>
      {issues.length > 0 && (
        <Card tone="caution" padding={3} radius={2}>
          <Stack gap={2}>
            <Text size={1} weight="semibold">
              The website leaves out or changes:
            </Text>
            {issues.map((issue) => (
              <Text size={1} key={`${issue.path}-${issue.message}`}>
                {issue.path}: {issue.message}
              </Text>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  )
}

/** The page and the markdown report the same dropped link once each; list it once. */
function dedupeIssues(issues: RenderIssue[]): RenderIssue[] {
  const seen = new Set<string>()
  return issues.filter((issue) => {
    const key = `${issue.path}\n${issue.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
