import {existsSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

/** An image field of the model: the old site's path, and the uploaded file when we have it. */
export interface SiteImage {
  _type: 'siteImage'
  legacyPath: string
  image?: {_type: 'image'; _sanityAsset: string}
}

/**
 * Finds the website's image files under `--assets DIR`. Hugo pages name images as site paths
 * (`/img/kontakt/x.webp`) or bare file names resolved by the theme (`safespring-kubernetes.svg`),
 * so we try the path first and then a unique file name anywhere under the directory.
 */
export class AssetResolver {
  private readonly byName = new Map<string, string[]>()

  constructor(private readonly root: string | undefined) {
    if (root) this.index(path.resolve(root))
  }

  get enabled(): boolean {
    return this.root !== undefined
  }

  resolve(legacyPath: string): string | undefined {
    if (!this.root) return undefined
    const root = path.resolve(this.root)
    const direct = path.resolve(root, `.${path.posix.join('/', legacyPath)}`)
    if (direct.startsWith(root) && existsSync(direct) && statSync(direct).isFile()) return direct
    const candidates = this.byName.get(path.posix.basename(legacyPath)) ?? []
    return candidates.length === 1 ? candidates[0] : undefined
  }

  /**
   * The image value for a path. With a resolved file it carries `_sanityAsset`, the convention
   * `sanity dataset import` uses to upload a local file as an asset.
   */
  siteImage(legacyPath: string): {image: SiteImage; uploaded: boolean} {
    const sanityAsset = this.sanityAsset(legacyPath)
    return sanityAsset
      ? {
          image: {
            _type: 'siteImage',
            legacyPath,
            image: {_type: 'image', _sanityAsset: sanityAsset},
          },
          uploaded: true,
        }
      : {image: {_type: 'siteImage', legacyPath}, uploaded: false}
  }

  /** `image@file:///…` for a file found under the assets directory, else undefined. */
  sanityAsset(legacyPath: string): string | undefined {
    const file = this.resolve(legacyPath)
    return file ? `image@${pathToFileURL(file).href}` : undefined
  }

  private index(directory: string) {
    for (const entry of readdirSync(directory, {withFileTypes: true}).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(directory, entry.name)
      if (entry.isDirectory()) this.index(full)
      else if (entry.isFile())
        this.byName.set(entry.name, [...(this.byName.get(entry.name) ?? []), full])
    }
  }
}
