import type { Register } from '../code-lists.js';
import { registerOf } from '../org.js';
import { isStaff, type Principal } from './principals.js';

/**
 * Which register of details a principal reads: health and social-welfare data are separate registers,
 * so a nurse sees the health codes of an encounter and a social worker the social ones. Staff without
 * a profession, clients and external members read neither (their views come with the client work).
 */
export function readableRegister(principal: Principal): Register | null {
  if (!isStaff(principal) || principal.profession === null) return null;
  return registerOf(principal.profession);
}
