/**
 * Countries as committees write them: "Perú", "peru" and " PERU " are one
 * country. The key lower-cases, trims and drops accents.
 */
export function countryKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
}

/** A lightning talk's country that means the regional initiatives rather than a country. */
export function isRegionalCountry(name: string): boolean {
  return /^(regional|region|)$/.test(countryKey(name));
}
