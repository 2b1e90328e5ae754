// Saves text the extension made (an export, a backup) as a file: an object URL clicked through an <a download>.

/** Offers `text` as a download named `filename`; nothing leaves the browser. */
export function downloadText(text: string, filename: string, mime: string): void {
  downloadParts([text], filename, mime);
}

/** Offers the texts of `parts`, one after the other, as one download (a file too large for one string or message). */
export function downloadParts(parts: readonly string[], filename: string, mime: string): void {
  const url = URL.createObjectURL(new Blob(parts as string[], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; keep it a while for slow browsers, then free the memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
