/** For tests: the wide import's binary COPY tuples (`parseWideChunkBytes`) as the text path's COPY rows. */
import { copyTextValue } from './register-extract.ts';

export function spellTuplesAsText(tuples: Uint8Array): string {
  const view = new DataView(tuples.buffer, tuples.byteOffset, tuples.byteLength);
  const decoder = new TextDecoder();
  let at = 0;
  let text = '';
  while (at < tuples.length) {
    const count = view.getInt16(at);
    if (count !== 6) throw new Error(`a spell tuple has 6 fields, not ${count}`);
    at += 2;
    const fields: string[] = [];
    for (let k = 0; k < 6; k += 1) {
      const length = view.getInt32(at);
      at += 4;
      const numeric = k === 0 || k === 1 || k === 4 || k === 5;
      if (numeric && length !== 4) throw new Error(`field ${k} is an int4, not ${length} bytes`);
      fields.push(numeric ? String(view.getInt32(at)) : copyTextValue(decoder.decode(tuples.subarray(at, at + length))));
      at += length;
    }
    text += `${fields.join('\t')}\n`;
  }
  return text;
}
