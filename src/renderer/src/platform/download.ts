/**
 * Offering a file as a download: the browser preview saves it, and Electron shows its save dialog for
 * it, so exports that need no remembered path (charts, predictions, ONNX, PyTorch) need no IPC of their own.
 */

/** Clicks a download link for `url`, named `name`. */
export function downloadUrl(name: string, url: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
}

/** Offers `content` (text, or a ready Blob) as a download named `name`. */
export function downloadFile(name: string, content: string | Blob, type = 'application/json'): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content)
  downloadUrl(name, url)
  // Revoke later: Chromium reads the blob after the click handler returns; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
