import {createHash} from 'node:crypto'
import {mkdirSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {extname, join} from 'node:path'

import type {SanityDocument} from '@sanity/client'
import {imageSize} from 'image-size'

import {writeFileAtomicSync, writeFully} from '../storage/atomicFile'
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
  const given = extname(originalFilename ?? '')
    .slice(1)
    .toLowerCase()
  const extension = /^[a-z0-9]{1,10}$/.test(given) ? given : 'bin'
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

/** The names the lake gives stored files: the content's SHA-1, dimensions for images, extension. */
const ASSET_FILE_NAME = /^[0-9a-f]{40}(-\d+x\d+)?\.[a-z0-9]{1,10}$/

export function isAssetFileName(name: string): boolean {
  return ASSET_FILE_NAME.test(name)
}

/** Keeps the uploaded bytes, durably, through a temporary file: a crash leaves no partial asset. */
export function storeAssetFile(directory: string, fileName: string, content: Buffer): void {
  if (!isAssetFileName(fileName)) throw badRequest(`"${fileName}" is not an asset file name.`)
  mkdirSync(directory, {recursive: true})
  writeFileAtomicSync(join(directory, fileName), (fd) => writeFully(fd, content))
}

export async function readAssetFile(directory: string, fileName: string): Promise<Buffer | null> {
  if (!isAssetFileName(fileName)) return null
  try {
    return await readFile(join(directory, fileName))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Raster images, which browsers never run anything in: shown in place. */
const INLINE_IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
}

/**
 * How an uploaded file is served. Uploads are whatever someone sent, served from the lake's own
 * origin, so nothing in them may run there: every file gets `Content-Security-Policy: sandbox`
 * (a document opened from it has an opaque origin and no scripts) and `nosniff`; only raster
 * images are shown in place, everything else (SVG, which can hold scripts, HTML, PDF…) is a
 * download. The Studio shows SVG images with `<img>`, which neither header affects.
 */
export function assetHeaders(fileName: string): Record<string, string> {
  const extension = extname(fileName).slice(1).toLowerCase()
  const inline = INLINE_IMAGE_TYPES[extension]
  return {
    'Content-Type': inline ?? (extension === 'svg' ? 'image/svg+xml' : 'application/octet-stream'),
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${fileName}"`,
    'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'max-age=31536000, immutable',
  }
}
