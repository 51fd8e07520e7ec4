import type { RelationCases } from '../testing/relation-matrix.js';
import { encounterRelationCases } from '../encounters/relation-cases.js';

/**
 * The relationship cases of the person-level routes, gathered from every feature (see
 * src/server/testing/relation-matrix.ts). A served route whose rule narrows or grants by relationship
 * (`only` or `also` in src/domain/policy) and has no case here fails the suite. The client routes add
 * theirs here.
 */
export const relationCases: RelationCases = {
  ...encounterRelationCases,
};
