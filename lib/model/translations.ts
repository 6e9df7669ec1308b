/**
 * Translations are weak references between postings: each posting lists the same job in its
 * other languages. The list is kept on every member of the group, so each page can link to all
 * the others; these rules keep the lists consistent (if sv lists en, en lists sv).
 */

/** A translation as the validator sees it: the version an editor would publish next. */
export interface TranslationVersion {
  /** Published id. */
  id: string
  title?: string | null
  language?: string | null
  /** Published ids the translation lists as its own translations. */
  translations: readonly string[]
}

/**
 * What is wrong with `posting`'s translations, in words for HR; empty when consistent.
 * `versions` holds the listed postings that exist, each as its draft if it has one.
 */
export function translationProblems(
  posting: {id: string; language?: string | null; translations: readonly string[]},
  versions: readonly TranslationVersion[],
): string[] {
  const byId = new Map(versions.map((version) => [version.id, version]))
  const problems: string[] = []
  const languages = new Map<string, string>()
  for (const id of posting.translations) {
    const translation = byId.get(id)
    if (!translation) continue
    const name = `"${translation.title ?? id}"`
    if (translation.language && translation.language === posting.language) {
      problems.push(`${name} is in this posting's own language: link only other languages.`)
    } else if (translation.language) {
      const twin = languages.get(translation.language)
      if (twin) {
        problems.push(
          `${twin} and ${name} are both in the same language: keep one translation per language.`,
        )
      }
      languages.set(translation.language, name)
    }
    if (!translation.translations.includes(posting.id)) {
      problems.push(
        `${name} does not list this posting among its translations: add this posting there too, so both pages link to each other.`,
      )
    }
  }
  return problems
}
