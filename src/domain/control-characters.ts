/**
 * Control characters (C0 except tab, line feed and carriage return, and DEL) have no place in a
 * citizen's data: PostgreSQL refuses NUL in text and jsonb, and the others hide text from a reader.
 * Every boundary (JSON, CSV, multipart, CLI) refuses them with INVALID_INPUT (issue 10).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** The index of the first control character in `text`, or -1. */
export function controlCharacterIndex(text: string): number {
  const match = controlCharacter.exec(text);
  return match ? match.index : -1;
}

/** The 1-based line of position `index` in `text`. */
export function lineOfIndex(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** `text` with every control character replaced by U+FFFD, for messages that quote input. */
export function withoutControlCharacters(text: string): string {
  return text.replace(controlCharacters, '\uFFFD');
}
