import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * Every colour of the renderer is a token in one theme file, so the light and dark themes are
 * changed in one place. A stylesheet or component that writes a colour itself (#abc, rgb(...))
 * escapes the theme: this check names it.
 */
const renderer = join(__dirname, '../../src/renderer');
const themeFile = 'src/theme/tokens.css';

const colourLiteral = /#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})\b|\b(?:rgba?|hsla?)\(/i;

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.isFile() && /\.(?:css|tsx?)$/.test(entry.name) ? [path] : [];
  });
}

/** `file:line: text` for each line of a file that writes a colour. */
function colourLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => (colourLiteral.test(line) ? [`${relative(renderer, file)}:${index + 1}: ${line.trim()}`] : []));
}

describe('colours live in the theme', () => {
  test('the check recognises each way of writing a colour, and not an id or a colour-mix of tokens', () => {
    for (const literal of ['#abc', '#AABBCC', '#aabbcc80', 'rgb(0 0 0 / 35%)', 'rgba(0, 0, 0, 0.25)', 'hsl(210 50% 40%)', 'hsla(210, 50%, 40%, 0.5)']) {
      expect(colourLiteral.test(`color: ${literal};`), literal).toBe(true);
    }
    for (const clean of ["document.getElementById('root')", 'html, body, #root {', 'color-mix(in srgb, var(--accent) 18%, transparent)']) {
      expect(colourLiteral.test(clean), clean).toBe(false);
    }
  });

  test('no stylesheet or source under src/renderer outside the theme file writes a colour', () => {
    const files = sourcesUnder(renderer).filter((file) => file !== join(renderer, themeFile));
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(colourLines)).toEqual([]);
  });

  test('the theme file holds the colours', () => {
    expect(colourLines(join(renderer, themeFile)).length).toBeGreaterThan(10);
  });
});
