/** A slip code in two groups of five ("ACDEF-HJKMN"), easy to read aloud and type; the server ignores the dash. */
export function groupSlipCode(code: string): string {
  const plain = code.replace(/[\s-]/g, '').toUpperCase();
  return plain.length > 5 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
}
