import { Readable } from 'node:stream';

/**
 * For tests: a source that sends `text`, then, when asked for more, is closed without an error — as a
 * broken upload or pipe is. Every line of `text` arrives before the break.
 */
export function sourceThatBreaksOff(text: string): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (sent) this.destroy();
      else this.push(text);
      sent = true;
    },
  });
}
