import type { PolicyCases } from '../testing/policy-matrix.js';
import { authPolicyCases } from '../auth/policy-cases.js';
import { sitePolicyCases } from '../sites/policy-cases.js';
import { userPolicyCases } from '../users/policy-cases.js';
import { auditPolicyCases } from '../audit/policy-cases.js';
import { codePolicyCases } from '../codes/policy-cases.js';
import { sessionPolicyCases } from '../sessions/policy-cases.js';
import { daylogPolicyCases } from '../daylog/policy-cases.js';
import { encounterPolicyCases } from '../encounters/policy-cases.js';
import { visitorCodePolicyCases } from '../visitor-codes/policy-cases.js';
import { referralPolicyCases } from '../referrals/policy-cases.js';
import { groupPolicyCases } from '../groups/policy-cases.js';
import { feedbackPolicyCases } from '../feedback/policy-cases.js';
import { reportPolicyCases } from '../reports/policy-cases.js';
import { pilotPolicyCases } from '../pilots/policy-cases.js';
import { municipalityPolicyCases } from '../municipalities/policy-cases.js';
import { clientPolicyCases } from '../clients/policy-cases.js';
import { clientRecordPolicyCases } from '../client-record/policy-cases.js';
import { ownPolicyCases } from '../own/policy-cases.js';
import { invitationPolicyCases } from '../invitations/policy-cases.js';
import { structuralPolicyCases } from '../structural/policy-cases.js';
import { chatPolicyCases } from '../chat/policy-cases.js';
import { helpRequestPolicyCases } from '../help-requests/policy-cases.js';
import { goodPracticePolicyCases } from '../good-practices/policy-cases.js';
import { servicePolicyCases } from '../services/policy-cases.js';
import { indicatorPolicyCases } from '../indicators/policy-cases.js';

/**
 * Who may call each route, with a valid request for it, gathered from every feature. A route missing
 * here fails the suite, so no route ships without someone deciding its policy.
 */
export const routeCases: PolicyCases = {
  ...authPolicyCases,
  ...sitePolicyCases,
  ...userPolicyCases,
  ...auditPolicyCases,
  ...codePolicyCases,
  ...sessionPolicyCases,
  ...daylogPolicyCases,
  ...encounterPolicyCases,
  ...visitorCodePolicyCases,
  ...referralPolicyCases,
  ...groupPolicyCases,
  ...feedbackPolicyCases,
  ...reportPolicyCases,
  ...pilotPolicyCases,
  ...municipalityPolicyCases,
  ...clientPolicyCases,
  ...clientRecordPolicyCases,
  ...ownPolicyCases,
  ...invitationPolicyCases,
  ...structuralPolicyCases,
  ...chatPolicyCases,
  ...helpRequestPolicyCases,
  ...goodPracticePolicyCases,
  ...servicePolicyCases,
  ...indicatorPolicyCases,
};
