/**
 * Whether a "Dockerfile" is text at all. A binary file pasted or opened by mistake (an image, an
 * archive, a UTF-16 file read as UTF-8) holds NUL bytes or many control characters and invalid
 * sequences (U+FFFD once decoded); parsing it only echoes garbage lines back as problems.
 */

/** Control characters no text file uses (C0 except tab, LF, VT, FF, CR; DEL), and U+FFFD. */
function isSuspicious(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f || code === 0xfffd;
}

/**
 * True when the text is not a text file: it has a NUL, or suspicious characters make up at least
 * 2 % of it (and there are at least 4: a lone mis-decoded "é" in a comment is still text).
 */
export function isNotText(text: string): boolean {
  if (text.indexOf('\u0000') >= 0) return true;
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) if (isSuspicious(text.charCodeAt(i))) suspicious++;
  return suspicious >= 4 && suspicious >= text.length * 0.02;
}
