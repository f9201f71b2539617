import type { MicrosString } from '@tally/transport';

/**
 * Any text, typed as if it had arrived in a wire-micros field: for specs of the parsers that
 * guard a service's boundary against what a peer might really send ("12.5", "", "-1").
 * Valid amounts are written with `toWireMicros` instead.
 */
export function rawWireMicros(text: string): MicrosString {
  return text as MicrosString;
}
