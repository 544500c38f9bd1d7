/**
 * Saving chart images and data: downloads (platform/download.ts), which Electron turns into its save
 * dialog, so the charts need no IPC of their own.
 */
export { downloadFile, downloadUrl } from '@renderer/platform/download'

/** A chart's data as a .csv download. */
export const CSV_TYPE = 'text/csv;charset=utf-8'

/** "Loss chart" → "loss-chart" */
export function fileSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chart'
  )
}
