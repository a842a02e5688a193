// Vietnamese phone numbers as people write them ("0912 345 678", "+84 912.345.678", "84912345678")
// reduced to one form: +84 and nine digits.
export function normalizePhone(input: string): string | undefined {
  const digits = input.replace(/[\s.\-()]/g, '');
  const match = /^(?:\+?84|0)(\d{9})$/.exec(digits);
  return match ? `+84${match[1]}` : undefined;
}
