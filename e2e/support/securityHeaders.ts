// What every production response must say about security, stated here on its own rather
// than read from deploy/: the nginx files are what is under test.
import { expect, type APIResponse } from '@playwright/test';
import { contentSecurityPolicy } from '../../vite.config';

/** Headers with one exact value. */
export const exactHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The powerful features nobody, this origin included, may use. */
export const deniedFeatures = [
  'microphone',
  'geolocation',
  'display-capture',
  'screen-wake-lock',
  'accelerometer',
  'gyroscope',
  'magnetometer',
  'usb',
  'serial',
  'hid',
  'midi',
  'payment',
  'publickey-credentials-get',
  'clipboard-read',
  'clipboard-write',
  'idle-detection',
  'local-fonts',
  'window-management',
  'xr-spatial-tracking',
  'browsing-topics',
];

const oneYear = 365 * 24 * 3600;

/** A policy header `a 'x' 'y'; b 'z'` as a map from directive to its values. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** `camera=(self), microphone=()` as a map from feature to its allowlist. */
export function parsePermissionsPolicy(policy: string): Map<string, string> {
  const features = new Map<string, string>();
  for (const part of policy.split(',')) {
    const match = /^\s*([a-z0-9-]+)=(\([^)]*\)|\*)\s*$/.exec(part);
    if (!match) throw new Error(`Permissions-Policy: cannot read ${JSON.stringify(part)}`);
    features.set(match[1]!, match[2]!);
  }
  return features;
}

/** Checks every security header of `response`, each sent exactly once. */
export function expectSecurityHeaders(response: APIResponse, what: string): void {
  const all = response.headersArray().map(({ name, value }) => ({
    name: name.toLowerCase(),
    value,
  }));
  const only = (name: string): string => {
    const found = all.filter((h) => h.name === name);
    expect(found.length, `${what}: how many ${name} headers`).toBe(1);
    return found[0]!.value;
  };

  for (const [name, value] of Object.entries(exactHeaders)) {
    expect(only(name), `${what}: ${name}`).toBe(value);
  }

  const csp = parseCsp(only('content-security-policy'));
  for (const [directive, values] of Object.entries({
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
  })) {
    expect(csp.get(directive), `${what}: CSP ${directive}`).toEqual(values);
  }

  const permissions = parsePermissionsPolicy(only('permissions-policy'));
  expect(permissions.get('camera'), `${what}: camera`).toBe('(self)');
  for (const feature of deniedFeatures) {
    expect(permissions.get(feature), `${what}: ${feature}`).toBe('()');
  }
  const granted = [...permissions].filter(
    ([feature, list]) => feature !== 'camera' && list !== '()',
  );
  expect(granted, `${what}: features allowed besides the camera`).toEqual([]);

  const hsts = /^max-age=(\d+); includeSubDomains$/.exec(only('strict-transport-security'));
  expect(hsts, `${what}: Strict-Transport-Security`).not.toBeNull();
  expect(Number(hsts![1]), `${what}: HSTS max-age`).toBeGreaterThanOrEqual(oneYear);
}
