/**
 * For tests: the wide import's binary COPY tuples (`parseWideChunkBytes`) as the text path's COPY rows
 * (without the id, which the text path leaves to the sequence).
 */
import { copyTextValue } from './register-extract.ts';

export function spellTuplesAsText(tuples: Uint8Array): string {
  const view = new DataView(tuples.buffer, tuples.byteOffset, tuples.byteLength);
  const decoder = new TextDecoder();
  let at = 0;
  let text = '';
  while (at < tuples.length) {
    const count = view.getInt16(at);
    if (count !== 7) throw new Error(`a spell tuple has 7 fields, not ${count}`);
    if (view.getInt32(at + 2) !== 8) throw new Error('the id is an int8');
    at += 14;
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

/** For tests: the ids of the tuples, in order. */
export function spellTupleIds(tuples: Uint8Array): number[] {
  const view = new DataView(tuples.buffer, tuples.byteOffset, tuples.byteLength);
  const ids: number[] = [];
  let at = 0;
  while (at < tuples.length) {
    ids.push(view.getUint32(at + 6) * 0x1_0000_0000 + view.getUint32(at + 10));
    at += 14;
    for (let k = 0; k < 6; k += 1) at += 4 + Math.max(0, view.getInt32(at));
  }
  return ids;
}
