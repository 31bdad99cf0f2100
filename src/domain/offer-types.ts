/** Active offers (tilbud) under LAB kap. 10–12, domain spec §3.3; the codes stored in `offers.type`. */
export const offerTypes = [
  'vejledning_opkvalificering',
  'virksomhedspraktik',
  'nytteindsats',
  'loentilskud',
  'jobrettet_uddannelse_6_uger',
] as const;
export type OfferTypeCode = (typeof offerTypes)[number];
