// Static checks of the nginx configuration that need no nginx: the policy it sends is
// the app's own, and no location loses the security headers. e2e/deploy.spec.ts checks
// what a real nginx serves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../vite.config';

const read = (name: string) => readFileSync(join(import.meta.dirname, 'nginx', name), 'utf8');

/** The text of a config file without its comments (none of ours has # in a value). */
const withoutComments = (text: string) => text.replace(/#.*$/gm, '');

/** The body of every `location … { … }` block, nested blocks included. */
function locationBodies(config: string): { head: string; body: string }[] {
  const text = withoutComments(config);
  const blocks: { head: string; body: string }[] = [];
  for (const match of text.matchAll(/location\s+([^{]+)\{/g)) {
    const start = match.index + match[0].length;
    let depth = 1;
    let end = start;
    while (depth > 0) {
      if (end >= text.length) throw new Error(`unclosed location ${match[1]}`);
      if (text[end] === '{') depth++;
      if (text[end] === '}') depth--;
      end++;
    }
    blocks.push({ head: match[1]!.trim(), body: text.slice(start, end - 1) });
  }
  return blocks;
}

describe('deploy/nginx', () => {
  it('sends exactly the Content-Security-Policy of vite.config.ts', () => {
    const headers = withoutComments(read('security-headers.conf'));
    const csp = [...headers.matchAll(/add_header\s+Content-Security-Policy\s+"([^"]*)"/g)];
    expect(csp).toHaveLength(1);
    expect(csp[0]![1]).toBe(contentSecurityPolicy);
  });

  it('sends every security header on errors too (always)', () => {
    const lines = withoutComments(read('security-headers.conf'))
      .split('\n')
      .filter((line) => line.trim().startsWith('add_header'));
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) expect(line.trim(), line).toMatch(/\salways;$/);
  });

  it('includes the security headers in every location', () => {
    const locations = locationBodies(read('facegate.conf'));
    expect(locations.length).toBeGreaterThan(1);
    for (const { head, body } of locations) {
      expect(body, `location ${head}`).toMatch(/^\s*include\s+security-headers\.conf;/m);
    }
  });

  it('finds a location that would lose the headers', () => {
    const config = 'server { location /a { include security-headers.conf; } location /b { } }';
    expect(locationBodies(config).map((l) => l.body.includes('security-headers'))).toEqual([
      true,
      false,
    ]);
  });
});
