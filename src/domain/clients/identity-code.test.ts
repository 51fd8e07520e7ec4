import { describe, expect, it } from 'vitest';
import { checkIdentityCode, identityCodeCheckCharacter, maskIdentityCode } from './identity-code.js';

describe('Finnish personal identity code', () => {
  it('accepts published example codes, in canonical form, with the birth day', () => {
    // The Digital and Population Data Services Agency's examples (individual numbers 900–999 are temporary codes).
    expect(checkIdentityCode('131052-308T')).toEqual({ ok: true, code: '131052-308T', birthDay: '1952-10-13', isTemporary: false });
    expect(checkIdentityCode(' 010594y9021 ')).toEqual({ ok: true, code: '010594Y9021', birthDay: '1994-05-01', isTemporary: true });
    expect(checkIdentityCode('020502E902X')).toMatchObject({ ok: true, birthDay: '2002-05-02', isTemporary: true });
    expect(checkIdentityCode('010101+123A')).toMatchObject({ ok: false });
  });

  it('reads every century sign of the 2023 reform as the same century as the old one', () => {
    for (const sign of ['-', 'Y', 'X', 'W', 'V', 'U']) {
      const code = `010190${sign}123${identityCodeCheckCharacter('010190123')}`;
      expect(checkIdentityCode(code)).toMatchObject({ ok: true, birthDay: '1990-01-01' });
    }
    for (const sign of ['A', 'B', 'C', 'D', 'E', 'F']) {
      const code = `290204${sign}123${identityCodeCheckCharacter('290204123')}`;
      expect(checkIdentityCode(code)).toMatchObject({ ok: true, birthDay: '2004-02-29' });
    }
    expect(checkIdentityCode(`010190+123${identityCodeCheckCharacter('010190123')}`)).toMatchObject({ ok: true, birthDay: '1890-01-01' });
  });

  it('names what is wrong: format, century sign, date, individual number, check character', () => {
    expect(checkIdentityCode('13105-308T')).toEqual({ ok: false, problem: 'format' });
    expect(checkIdentityCode('')).toEqual({ ok: false, problem: 'format' });
    expect(checkIdentityCode('131052G308T')).toEqual({ ok: false, problem: 'century' });
    expect(checkIdentityCode('131052Z308T')).toEqual({ ok: false, problem: 'century' });
    // 1900 was not a leap year, 2000 was.
    expect(checkIdentityCode(`290200-123${identityCodeCheckCharacter('290200123')}`)).toEqual({ ok: false, problem: 'date' });
    expect(checkIdentityCode(`290200A123${identityCodeCheckCharacter('290200123')}`)).toMatchObject({ ok: true });
    expect(checkIdentityCode(`320190-123${identityCodeCheckCharacter('320190123')}`)).toEqual({ ok: false, problem: 'date' });
    expect(checkIdentityCode(`011390-123${identityCodeCheckCharacter('011390123')}`)).toEqual({ ok: false, problem: 'date' });
    expect(checkIdentityCode(`010190-001${identityCodeCheckCharacter('010190001')}`)).toEqual({ ok: false, problem: 'individual_number' });
    expect(checkIdentityCode('131052-308U')).toEqual({ ok: false, problem: 'checksum' });
  });

  it('refuses every wrong check character of a valid code, and the letters the alphabet leaves out', () => {
    const valid = '131052-308T';
    for (const c of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      if (c === 'T') continue;
      expect(checkIdentityCode(`${valid.slice(0, 10)}${c}`).ok, c).toBe(false);
    }
  });

  it('masks a code to its birth date and century sign', () => {
    expect(maskIdentityCode('131052-308T')).toBe('131052-****');
    expect(maskIdentityCode('010594Y9021')).toBe('010594Y****');
  });
});
