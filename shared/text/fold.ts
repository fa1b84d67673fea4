// The one way text is folded before two spellings are compared (labels, sheet names, program names): full-width
// forms and compatibility characters unified (NFKC), lower case, every space removed, so 「ステージ ゲート」 = ステージゲート.

/** Folded form of `text` for comparison only; never shown or stored. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}
