import type { RelationCases } from '../testing/relation-matrix.js';
import { clientRelationCases } from '../clients/relation-cases.js';
import { encounterRelationCases } from '../encounters/relation-cases.js';
import { clientRecordRelationCases } from '../client-record/relation-cases.js';
import { invitationRelationCases } from '../invitations/relation-cases.js';
import { structuralRelationCases } from '../structural/relation-cases.js';
import { helpRequestRelationCases } from '../help-requests/relation-cases.js';
import { serviceRelationCases } from '../services/relation-cases.js';

/**
 * The relationship cases of the person-level routes, gathered from every feature (see
 * src/server/testing/relation-matrix.ts). A served route whose rule narrows or grants by relationship
 * (`only` or `also` in src/domain/policy) and has no case here fails the suite.
 */
export const relationCases: RelationCases = {
  ...encounterRelationCases,
  ...clientRelationCases,
  ...clientRecordRelationCases,
  ...invitationRelationCases,
  ...structuralRelationCases,
  ...helpRequestRelationCases,
  ...serviceRelationCases,
};
