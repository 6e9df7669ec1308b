import {createHash} from 'node:crypto'
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises'
import {basename, extname, join} from 'node:path'

import type {SanityDocument} from '@sanity/client'
import {imageSize} from 'image-size'

import {badRequest} from './errors'

/** Image types whose MIME name is not `image/<extension>`. */
const IMAGE_MIME_TYPES: Record<string, string> = {jpg: 'image/jpeg', svg: 'image/svg+xml'}

export type AssetKind = 'images' | 'files'

export interface AssetLocation {
  /** Folder the uploaded files are kept in, beside the dataset file. */
  directory: string
  /** Public origin of the server, for the asset's `url`. */
  origin: string
  projectId: string
  dataset: string
}

/**
 * Describes an uploaded file as the Content Lake does: a `sanity.imageAsset` or `sanity.fileAsset`
 * document whose id is derived from the content, so uploading the same file twice gives one asset.
 */
export function describeAsset(
  kind: AssetKind,
  content: Buffer,
  originalFilename: string | undefined,
  /** The Content-Type the upload was sent with. */
  contentType: string | undefined,
  location: AssetLocation,
): {document: SanityDocument; fileName: string} {
  const sha1hash = createHash('sha1').update(content).digest('hex')
  const now = new Date().toISOString()
  const common = {
    _createdAt: now,
    _updatedAt: now,
    _rev: sha1hash.slice(0, 22),
    assetId: sha1hash,
    sha1hash,
    size: content.length,
    uploadId: sha1hash,
    ...(originalFilename ? {originalFilename} : {}),
  }
  if (kind === 'images') {
    let dimensions: ReturnType<typeof imageSize>
    try {
      dimensions = imageSize(content)
    } catch (error) {
      throw badRequest(
        `${originalFilename ?? 'The upload'} is not an image this server can read: ${(error as Error).message}`,
      )
    }
    const extension = dimensions.type === 'jpg' ? 'jpg' : (dimensions.type ?? 'bin')
    const {width, height} = dimensions
    const fileName = `${sha1hash}-${width}x${height}.${extension}`
    const path = `images/${location.projectId}/${location.dataset}/${fileName}`
    return {
      fileName,
      document: {
        ...common,
        _id: `image-${sha1hash}-${width}x${height}-${extension}`,
        _type: 'sanity.imageAsset',
        extension,
        mimeType: IMAGE_MIME_TYPES[extension] ?? `image/${extension}`,
        path,
        url: `${location.origin}/${path}`,
        metadata: {
          _type: 'sanity.imageMetadata',
          dimensions: {_type: 'sanity.imageDimensions', width, height, aspectRatio: width / height},
          hasAlpha: extension === 'png' || extension === 'webp',
          isOpaque: extension === 'jpg',
        },
      },
    }
  }
  const extension =
    extname(originalFilename ?? '')
      .slice(1)
      .toLowerCase() || 'bin'
  const fileName = `${sha1hash}.${extension}`
  const path = `files/${location.projectId}/${location.dataset}/${fileName}`
  return {
    fileName,
    document: {
      ...common,
      _id: `file-${sha1hash}-${extension}`,
      _type: 'sanity.fileAsset',
      extension,
      mimeType: contentType || 'application/octet-stream',
      path,
      url: `${location.origin}/${path}`,
    },
  }
}

/** Keeps the uploaded bytes; written through a temporary file so a crash leaves no partial asset. */
export async function storeAssetFile(directory: string, fileName: string, content: Buffer) {
  await mkdir(directory, {recursive: true})
  const target = join(directory, basename(fileName))
  await writeFile(`${target}.tmp`, content)
  await rename(`${target}.tmp`, target)
}

export async function readAssetFile(directory: string, fileName: string): Promise<Buffer | null> {
  try {
    return await readFile(join(directory, basename(fileName)))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

export function contentTypeOf(fileName: string): string {
  const extension = extname(fileName).slice(1).toLowerCase()
  if (['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'tiff', 'bmp'].includes(extension)) {
    return IMAGE_MIME_TYPES[extension] ?? `image/${extension}`
  }
  return 'application/octet-stream'
}
