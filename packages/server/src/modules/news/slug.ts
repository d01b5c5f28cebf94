import { NEWS_SLUG_MAX } from '@plenum/shared';

/**
 * Russian to Latin by GOST R 52535.1-2006 (the ICAO Doc 9303 table of Russian passports), the
 * romanization Russian readers expect in addresses: щ → shch, ю → iu, я → ia, ъ → ie, ь dropped.
 */
const GOST: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** Lower-cased Latin transliteration of Russian text; other characters pass unchanged. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.toLocaleLowerCase('ru')) {
    out += GOST[ch] ?? ch;
  }
  return out;
}

/**
 * A slug from a title: transliterated, accents removed, runs of anything but a-z and 0-9 turned
 * into one hyphen, cut at a word boundary so that a "-NN" suffix still fits the limit.
 */
export function slugify(title: string, max = NEWS_SLUG_MAX - 4): string {
  const ascii = transliterate(title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= max) {
    return ascii;
  }
  const cut = ascii.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, max)).replace(/-+$/, '');
}

/** The first of base, base-2, base-3 … that is not taken. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) {
    return base;
  }
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) {
      return candidate;
    }
  }
}
