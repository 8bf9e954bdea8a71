import { describe, expect, it } from 'vitest';
import { readAudit } from './auditReport.mjs';

const report = (vulnerabilities, counts) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts },
    },
  });

describe('readAudit', () => {
  it('passes a tree with no advisories', () => {
    expect(readAudit(report({}, {}))).toMatchObject({ kind: 'clean', advisories: [] });
  });

  it('lets low and moderate advisories through', () => {
    const outcome = readAudit(
      report({ a: { name: 'a', severity: 'moderate', range: '<2' } }, { moderate: 1 }),
    );
    expect(outcome.kind).toBe('clean');
  });

  it('fails on high and critical advisories, naming each', () => {
    const outcome = readAudit(
      report(
        {
          b: { name: 'b', severity: 'critical', range: '<1.2.3' },
          a: { name: 'a', severity: 'high', range: '>=0' },
          c: { name: 'c', severity: 'low' },
        },
        { high: 1, critical: 1, low: 1 },
      ),
    );
    expect(outcome).toMatchObject({
      kind: 'vulnerable',
      advisories: ['a (high, >=0)', 'b (critical, <1.2.3)'],
    });
  });

  it('tells an unreachable advisory service from a clean tree', () => {
    const refused = JSON.stringify({
      message:
        '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(readAudit(refused)).toEqual({
      kind: 'unreachable',
      reason: expect.stringContaining('405 Method Not Allowed'),
    });
    expect(readAudit('')).toMatchObject({ kind: 'unreachable' });
    expect(readAudit('npm error network ENOTFOUND')).toMatchObject({ kind: 'unreachable' });
  });
});
