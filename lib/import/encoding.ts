/**
 * Which character encoding a CSV file is in. A byte order mark decides (the WHATWG Encoding
 * standard's BOM sniffing, https://encoding.spec.whatwg.org/#decode: EF BB BF UTF-8, FE FF
 * UTF-16BE, FF FE UTF-16LE); without one, bytes that are valid UTF-8 are UTF-8. Anything else
 * (a spreadsheet's "CSV" saved in the Windows code page of a Czech or Polish system, say) cannot be
 * told apart reliably, so the user chooses, looking at a preview, before anything is imported.
 */

/** The encodings offered, as `TextDecoder` labels. */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1250', 'windows-1252', 'iso-8859-2'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export type Detection =
  /** Known: from a byte order mark, or bytes that are valid UTF-8. */
  | { encoding: Encoding; by: 'bom' | 'valid-utf-8' }
  /** Unknown: not UTF-8 (a legacy code page), or NUL bytes (UTF-16 without a mark). */
  | { encoding: null; by: 'not-utf-8' | 'nul-bytes' };

const startsWith = (bytes: Uint8Array, ...mark: number[]) => mark.every((b, i) => bytes[i] === b);

/** The file's encoding when the bytes say it, else why they do not. */
export function detectEncoding(bytes: Uint8Array): Detection {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { encoding: 'utf-8', by: 'bom' };
  if (startsWith(bytes, 0xff, 0xfe)) return { encoding: 'utf-16le', by: 'bom' };
  if (startsWith(bytes, 0xfe, 0xff)) return { encoding: 'utf-16be', by: 'bom' };
  // Text files hold no NUL byte; UTF-16 holds one in most characters of Latin text.
  if (bytes.includes(0)) return { encoding: null, by: 'nul-bytes' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', by: 'valid-utf-8' };
  } catch {
    return { encoding: null, by: 'not-utf-8' };
  }
}

/**
 * The text of the file in `encoding` (its byte order mark dropped), and how many characters could
 * not be read in it (each became U+FFFD): a wrong choice shows there, and in the preview.
 */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding): { text: string; unreadable: number } {
  const text = new TextDecoder(encoding).decode(bytes);
  let unreadable = 0;
  for (const ch of text) if (ch === '\uFFFD') unreadable++;
  // A BOM that does not match the chosen encoding is not dropped by the decoder.
  return { text: text.replace(/^\uFEFF/, ''), unreadable };
}
