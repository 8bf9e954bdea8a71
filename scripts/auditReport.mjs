// Reads `npm audit --json` output: the advisories at or above high severity, or why the
// audit could not be done at all. Kept apart from the runner so it can be tested on
// recorded outputs.

const blocking = new Set(['high', 'critical']);

/**
 * @param {string} stdout what `npm audit --json` printed
 * @returns {{ kind: 'clean' | 'vulnerable', advisories: string[], counts: Record<string, number> }
 *   | { kind: 'unreachable', reason: string }}
 */
export function readAudit(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { kind: 'unreachable', reason: 'npm audit printed no report' };
  }
  // npm prints an error object instead of a report when the advisory service cannot be
  // asked: no network, a registry mirror without the audit endpoint, a timeout.
  const counts = report?.metadata?.vulnerabilities;
  if (!counts || typeof counts !== 'object') {
    const reason = report?.message ?? report?.error?.summary ?? 'no report came back';
    return { kind: 'unreachable', reason: String(reason) };
  }
  const advisories = Object.values(report.vulnerabilities ?? {})
    .filter((v) => blocking.has(v.severity))
    .map((v) => `${v.name} (${v.severity}, ${v.range ?? 'all versions'})`)
    .sort();
  return { kind: advisories.length ? 'vulnerable' : 'clean', advisories, counts };
}
