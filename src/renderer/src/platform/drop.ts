/**
 * Files dropped anywhere on the window — the canvas, the data panel, the status bar — arrive here, and
 * only here (App.vue wires `onFiles`). Palette drags carry no files and are left to the canvas.
 */
export function listenForFileDrops(target: Window, onFiles: (files: File[]) => void): () => void {
  const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false
  // Without preventDefault on dragover there is no drop, and on drop the browser would open the file.
  const onDragOver = (e: DragEvent): void => {
    if (carriesFiles(e)) e.preventDefault()
  }
  const onDrop = (e: DragEvent): void => {
    if (!carriesFiles(e) || !e.dataTransfer) return
    e.preventDefault()
    const files = [...e.dataTransfer.files]
    if (files.length > 0) onFiles(files)
  }
  target.addEventListener('dragover', onDragOver)
  target.addEventListener('drop', onDrop)
  return () => {
    target.removeEventListener('dragover', onDragOver)
    target.removeEventListener('drop', onDrop)
  }
}
