/**
 * "Unverified means unverified" (issue 13; law update 2026-12: [NF] values are shown as unverified in the UI,
 * never in documents sent to citizens). Staff see [U]/[NF] as "ikke bekræftet"; documents sent to citizens
 * carry no internal marker at all: no source labels ([U], [NF], [V], [E12] …), no rule ids (R-ROP-2), no
 * English codes (RET_OG_PLIGT) and no regime ids (LAB-2014).
 */
const bracketMarker = /\s*\[(?:U|NF|V|S|I|E\d+|S\d+)\]/g;
const internalMarkers: readonly RegExp[] = [
  /\[(?:U|NF|V|S|I|E\d+|S\d+)\]/g,
  /\bR-[A-Z]{2,4}-\d+\b/g,
  /\b[A-Z]{2,}(?:_[A-Z]+)+\b/g,
  /\b(?:LAB|KH|REFORM|ACT)-20\d\d[a-z]?\b/g,
];

/** Every internal marker in a text meant for a citizen (empty when the text is clean). */
export function findInternalMarkers(text: string): string[] {
  return internalMarkers.flatMap((pattern) => text.match(pattern) ?? []);
}

/** A legal text for a citizen: the verification labels removed (what is unverified is not asserted to staff either). */
export function toCitizenText(text: string): string {
  return text
    .replace(bracketMarker, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** A text for staff: [U] and [NF] become "(ikke bekræftet)". */
export function toStaffText(text: string): string {
  return text.replace(/\s*\[(?:U|NF)\]/g, ' (ikke bekræftet)');
}
