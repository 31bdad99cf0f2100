/** A short confirmation after saving ("Gemt"), announced to screen readers; nothing while `text` is empty. */
export function StatusNote({ text }: { text: string | null | false | undefined }) {
  return text ? (
    <p role="status" className="ok">
      {text}
    </p>
  ) : null;
}
