// A small RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30-second steps) for the tests, so they can
// compute the code an authenticator app would show.
import { createHmac } from 'node:crypto';

const ALFABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 (RFC 4648, no padding) to bytes. */
export function base32NaarBytes(tekst: string): Buffer {
  let bits = 0;
  let waarde = 0;
  const uit: number[] = [];
  for (const teken of tekst.replace(/[\s=]/g, '').toUpperCase()) {
    const i = ALFABET.indexOf(teken);
    if (i < 0) throw new Error(`geen base32: ${teken}`);
    waarde = (waarde << 5) | i;
    bits += 5;
    if (bits >= 8) {
      uit.push((waarde >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(uit);
}

/** The six-digit code for `geheim` (base32) at `tijdMs` (milliseconds since 1970). */
export function totp(geheim: string, tijdMs = Date.now()): string {
  const teller = Buffer.alloc(8);
  teller.writeBigUInt64BE(BigInt(Math.floor(tijdMs / 1000 / 30)));
  const h = createHmac('sha1', base32NaarBytes(geheim)).update(teller).digest();
  const o = h[h.length - 1] & 0x0f;
  const getal = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(getal % 1_000_000).padStart(6, '0');
}
