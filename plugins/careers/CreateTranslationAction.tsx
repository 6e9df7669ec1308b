import {TranslateIcon} from '@sanity/icons/Translate'
import {Button, Stack, Text} from '@sanity/ui'
import {useToast} from '@sanity/ui/toast'
import {useEffect, useState} from 'react'
import {type DocumentActionComponent, useClient} from 'sanity'
import {useRouter} from 'sanity/router'

import {SANITY_API_VERSION} from '../../lib/apiVersion'
import {POSTING_LANGUAGES} from '../../lib/model/vocabulary'
import {createTranslationActions} from './translationActions'

interface PostingWithTranslations {
  title?: string
  language?: string
  translations?: {_ref: string}[]
}

/**
 * "Create translation": a draft of the same posting in another language, linked both ways with
 * this posting and its translations, then opened for writing. Languages the group already has
 * are not offered.
 */
export const CreateTranslationAction: DocumentActionComponent = ({
  id,
  type,
  draft,
  published,
  onComplete,
}) => {
  const client = useClient({apiVersion: SANITY_API_VERSION})
  const router = useRouter()
  const toast = useToast()
  const [dialogOpen, setDialogOpen] = useState(false)
  const [creating, setCreating] = useState(false)
  const posting = (draft ?? published) as PostingWithTranslations | null
  const translations = (posting?.translations ?? []).map((reference) => reference._ref)
  const group = [id, ...translations]
  const [taken, setTaken] = useState<(string | null)[] | undefined>()

  // The group's languages as stored now, asked when the dialog opens.
  const groupKey = group.join()
  useEffect(() => {
    if (!dialogOpen) return
    const subscription = client.observable
      .fetch<(string | null)[]>(
        '*[_id in $ids].language',
        {ids: groupKey.split(',')},
        {perspective: 'drafts'},
      )
      .subscribe({next: setTaken, error: () => setTaken([])})
    return () => subscription.unsubscribe()
  }, [client, dialogOpen, groupKey])

  const create = async (language: string) => {
    setCreating(true)
    const translationId = crypto.randomUUID()
    try {
      await client.action(
        createTranslationActions(
          {id, type, title: posting?.title, translations},
          translationId,
          language,
        ),
        {tag: 'careers.create-translation'},
      )
      setDialogOpen(false)
      onComplete()
      router.navigateIntent('edit', {id: translationId, type})
    } catch (error) {
      toast.push({
        status: 'error',
        title: 'The translation was not created',
        description: error instanceof Error ? error.message : String(error),
      })
    } finally {
      setCreating(false)
    }
  }

  const offered = POSTING_LANGUAGES.filter(
    ({value}) => value !== posting?.language && !taken?.includes(value),
  )
  return {
    label: 'Create translation',
    icon: TranslateIcon,
    disabled: !posting?.language,
    title: posting?.language ? undefined : 'Choose the language of this posting first.',
    onHandle: () => setDialogOpen(true),
    dialog: dialogOpen
      ? {
          type: 'dialog',
          header: 'Create translation',
          onClose: () => setDialogOpen(false),
          content: (
            <Stack gap={3}>
              <Text size={1} muted>
                A new draft in the language you choose, linked both ways with this posting and its
                translations. Its text is yours to write.
              </Text>
              {taken && offered.length === 0 && (
                <Text size={1}>
                  This posting has a translation in every language we publish in.
                </Text>
              )}
              {(taken ? offered : []).map(({title, value}) => (
                <Button
                  key={value}
                  mode="ghost"
                  text={title}
                  disabled={creating}
                  onClick={() => void create(value)}
                />
              ))}
            </Stack>
          ),
        }
      : null,
  }
}
CreateTranslationAction.displayName = 'CreateTranslationAction'
