/** Markdown helpers for the renderers (job summaries, comments, issues). Pure. */

/** Escapes text for one line of GitHub Markdown (a table cell, a heading): markup characters, newlines. */
export function escapeMd(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
}
