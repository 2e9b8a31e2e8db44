/** Run-time checks of values placed in MongoDB filters and documents (see "Injection" in store/mongo.ts). */

export function requireDate(value: unknown, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`${field} must be a valid Date`);
  return new Date(value.getTime());
}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new TypeError(`${field} must be a string`);
  return value;
}

export function requireStrings(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw new TypeError(`${field} must be an array of strings`);
  return value.map((v, i) => requireString(v, `${field}[${i}]`));
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`${field} must be a boolean`);
  return value;
}

export function requireTime(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError('at must be a finite number (ms)');
  return value;
}
