/** Hand `content` to the browser as a file download named `fileName`. */
export function downloadFile(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], {type: `${mimeType};charset=utf-8`}))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // The click has started the download; the object URL is no longer needed once it has run.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
