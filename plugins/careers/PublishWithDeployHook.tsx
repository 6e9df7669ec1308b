import {useToast} from '@sanity/ui/toast'
import {useEffect, useRef} from 'react'
import {useDocumentOperationEvent, type DocumentActionComponent} from 'sanity'

import {callDeployHook} from './deployHook'

/**
 * The default publish action, unchanged, plus a call to the website's deploy hook once Sanity
 * reports the publish as done. The hook runs after publishing and only reports in a toast, so a
 * slow or failing website build never holds up or undoes a publish.
 */
export function withDeployHook(
  PublishAction: DocumentActionComponent,
  deployHookUrl: string,
): DocumentActionComponent {
  const PublishWithDeployHook: DocumentActionComponent = (props) => {
    const description = PublishAction(props)
    const toast = useToast()
    const operation = useDocumentOperationEvent(props.id, props.type)
    // Slug of the publish this editor started; the event also fires for other editors' publishes.
    const pendingSlug = useRef<{slug: string | undefined} | null>(null)

    useEffect(() => {
      if (!operation || operation.op !== 'publish' || !pendingSlug.current) return
      const {slug} = pendingSlug.current
      pendingSlug.current = null
      // A failed publish is reported by Sanity itself; there is nothing to deploy.
      if (operation.type !== 'success') return
      callDeployHook(deployHookUrl, {id: props.id, slug}).then(
        () =>
          toast.push({
            status: 'success',
            title: 'Website update started',
            description: 'The website is rebuilding with this posting.',
          }),
        (error: unknown) =>
          toast.push({
            status: 'error',
            title: 'Published, but the website was not updated',
            description: error instanceof Error ? error.message : String(error),
            duration: 10_000,
          }),
      )
    }, [operation, props.id, toast])

    if (!description) return null
    return {
      ...description,
      onHandle: () => {
        const slug = (props.draft?.slug as {current?: string} | undefined)?.current
        pendingSlug.current = {slug}
        description.onHandle?.()
      },
    }
  }
  PublishWithDeployHook.action = PublishAction.action
  PublishWithDeployHook.displayName = 'PublishWithDeployHook'
  return PublishWithDeployHook
}
