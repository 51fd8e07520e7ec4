import { describe, expect, it } from 'vitest';
import { defaultClocksSetting } from '../domain/clients/clock-settings.js';
import { defaultProcessClocks } from '../domain/clients/clocks.js';
import { ConfigError, loadConfig } from './config.js';

const clock = (extra: Record<string, unknown> = {}) => ({ key: 'local_start', basis: 'local', step: 'assessment_started', limit: { count: 5, unit: 'working_days' }, source: 'Palvelulupaus 2027', ...extra });
const setting = (value: unknown) => ({ SILTA_PROCESS_CLOCKS: JSON.stringify(value) });
const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    return error instanceof ConfigError ? error.message : `not a ConfigError: ${String(error)}`;
  }
  return 'accepted';
};

describe('SILTA_PROCESS_CLOCKS', () => {
  it("holds the seeds' local service level and the Social Welfare Act's clocks when unset or empty", () => {
    expect(loadConfig({}).processClocks).toEqual(defaultProcessClocks);
    expect(loadConfig({ SILTA_PROCESS_CLOCKS: ' ' }).processClocks).toEqual(defaultProcessClocks);
    expect(defaultProcessClocks.map((c) => [c.key, c.basis, c.step, c.limit.count, c.limit.unit, c.onlyStatutoryGroup])).toEqual([
      ['local_assessment_start', 'local', 'assessment_started', 7, 'calendar_days', false],
      ['shl36_assessment_start', 'statutory', 'assessment_started', 7, 'working_days', true],
      ['shl36_assessment_complete', 'statutory', 'assessment_completed', 3, 'months', false],
    ]);
    // The defaults written out are a valid setting that reads back the same.
    expect(loadConfig({ SILTA_PROCESS_CLOCKS: defaultClocksSetting() }).processClocks).toEqual(defaultProcessClocks);
  });

  it("takes a deployment's own clocks, per step, in calendar or working days, statutory or local", () => {
    const own = [clock(), clock({ key: 'local_plan', step: 'plan_agreed', limit: { count: 30, unit: 'calendar_days' }, onlyStatutoryGroup: true })];
    expect(loadConfig(setting(own)).processClocks).toEqual([{ ...own[0], onlyStatutoryGroup: false }, own[1]]);
    expect(loadConfig(setting([])).processClocks).toEqual([]);
  });

  it('refuses at start, naming the problem, anything it would have to guess at', () => {
    expect(refusal({ SILTA_PROCESS_CLOCKS: '[{key:' })).toMatch(/^SILTA_PROCESS_CLOCKS is not a valid list of clocks: not JSON/);
    expect(refusal(setting({ key: 'x' }))).toMatch(/^SILTA_PROCESS_CLOCKS is not a valid list of clocks: .*array/);
    expect(refusal(setting([clock({ limit: { count: 5, unit: 'weeks' } })]))).toMatch(/\[0\.limit\.unit\]/);
    expect(refusal(setting([clock({ basis: 'legal' })]))).toMatch(/\[0\.basis\]/);
    expect(refusal(setting([clock({ step: 'plan' })]))).toMatch(/\[0\.step\]/);
    expect(refusal(setting([clock({ limit: { count: 0, unit: 'calendar_days' } })]))).toMatch(/\[0\.limit\.count\]/);
    expect(refusal(setting([clock({ limit: { count: 2.5, unit: 'calendar_days' } })]))).toMatch(/\[0\.limit\.count\]/);
    expect(refusal(setting([clock({ limit: { count: 13, unit: 'months' } })]))).toMatch(/\[0\.limit\.count\] the limit is longer than a year/);
    expect(refusal(setting([clock(), clock()]))).toMatch(/two clocks have the same key/);
    expect(refusal(setting([clock({ Key: 'typo' })]))).toMatch(/\[0\]/);
    expect(refusal(setting([clock({ key: 'Local Start' })]))).toMatch(/\[0\.key\]/);
    expect(refusal(setting([clock({ source: undefined })]))).toMatch(/\[0\.source\]/);
  });
});
