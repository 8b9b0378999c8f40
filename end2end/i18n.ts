// The app's words per language, read from the locale files, and a check
// that a page shows no Dutch where the chosen language has its own words,
// and no raw key ("report.title") or unfilled place ("{day}").
import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

const LOCALES = join(__dirname, '..', 'locales');

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix: string, out: Map<string, string>) {
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
}

/** Every text of one language, by its full key ("report.form.title"). */
export function texts(language: Language): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(join(LOCALES, language))) {
    if (!file.endsWith('.json')) continue;
    const tree = JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as Tree;
    flatten(tree, file.replace(/\.json$/, ''), out);
  }
  return out;
}

/** A place for a value: leptos_i18n's `{{ name }}` or the app's own `{name}`. */
const PLACE = /\{\{\s*\w+\s*\}\}|\{\w+\}/;

/**
 * The pieces (12 characters or more, split at places for values) of the
 * Dutch texts that `language` words differently: seeing one on a page in
 * that language means a text was not translated.
 */
export function dutchOnlyPieces(language: Language): string[] {
  const dutch = texts('nl');
  const theirs = texts(language);
  const theirText = [...theirs.values()].join('\n');
  const pieces = new Set<string>();
  for (const [key, text] of dutch) {
    if (theirs.get(key) === text) continue;
    for (const piece of text.split(PLACE).map((p) => p.trim())) {
      // A Dutch school word the translation keeps, in brackets, is fine.
      if (piece.length >= 12 && !theirText.includes(piece)) pieces.add(piece);
    }
  }
  return [...pieces];
}

/** Every key, as a page would show it when a translation is missing. */
function allKeys(): string[] {
  const keys = [...texts('nl').keys()];
  // Plural forms are one key: "common.days".
  return [...new Set(keys.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))];
}

/**
 * Checks the page's visible text in `language`: no Dutch UI text with its
 * own translation, no raw key, no unfilled place. Soft: the test goes on,
 * so one run lists every page's problems.
 */
export async function expectNoUntranslatedText(page: Page, language: Language) {
  const shown = await page.evaluate(() => document.body.innerText);
  const where = `${page.url()} in ${language}`;
  if (language !== 'nl') {
    const dutch = dutchOnlyPieces(language).filter((piece) => shown.includes(piece));
    expect.soft(dutch, `Dutch text on ${where}`).toEqual([]);
  }
  const keys = allKeys().filter((key) => new RegExp(`(^|[^\\w.])${key.replace(/\./g, '\\.')}($|[^\\w.])`).test(shown));
  expect.soft(keys, `raw keys on ${where}`).toEqual([]);
  expect.soft(shown.match(new RegExp(PLACE, 'g')) ?? [], `unfilled places on ${where}`).toEqual([]);
}
