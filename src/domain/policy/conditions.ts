/**
 * The conditions a rule can set on one resource. The same value is evaluated in memory for one
 * resource (`holds`) and compiled to SQL for lists (src/server/policy/sql.ts), so a list and a
 * single read can never disagree about who may see what (eVaka's ACL works the same way).
 *
 * Every condition is about a fact of the resource. A fact the caller did not supply does not hold:
 * forgetting to load, say, the record's creator refuses rather than grants.
 */
export type Condition =
  | { kind: 'always' }
  | { kind: 'never' }
  /** The resource belongs to this region. */
  | { kind: 'region'; regionId: string }
  /** The resource is at one of these sites (a region-wide resource, site null, is at none). */
  | { kind: 'site_in'; siteIds: readonly string[] }
  /** The actor recorded it. */
  | { kind: 'created_by'; userId: string }
  /** It was recorded on this Helsinki day (yyyy-mm-dd). */
  | { kind: 'created_on'; day: string }
  /** The actor is one of the professionals listed on it (an encounter's professionals). */
  | { kind: 'listed_professional'; userId: string }
  /** The actor is the own worker of the client the resource is about. */
  | { kind: 'own_worker'; userId: string }
  /** The actor is on the care team of the client the resource is about. */
  | { kind: 'care_team'; userId: string }
  /** The resource is about this client (the client themself is acting). */
  | { kind: 'is_client'; clientId: string }
  /** An external member holds a grant (the client's consent) covering the resource. */
  | { kind: 'granted'; memberId: string }
  /** The actor takes part in the meeting the resource belongs to (network-meetings work). */
  | { kind: 'participant'; principalId: string }
  /** The actor owns the promise (network-meetings work). */
  | { kind: 'promise_owner'; principalId: string }
  /** The resource is owned by this organisational unit (a tray service: the unit that writes it). */
  | { kind: 'owning_unit'; unitId: string }
  /** The actor is the named responsible person of the resource (a tray service's). */
  | { kind: 'responsible'; userId: string }
  /** The actor is a manager linked to the municipality the resource is about (structural social work). */
  | { kind: 'municipality_manager'; userId: string }
  | { kind: 'and'; of: readonly Condition[] }
  | { kind: 'or'; of: readonly Condition[] };

export type ConditionKind = Condition['kind'];

/** What is known about one resource; only the facts a rule needs have to be given. */
export type ResourceFacts = {
  regionId: string;
  siteId?: string | null;
  createdBy?: string;
  createdDay?: string;
  professionalIds?: readonly string[];
  clientId?: string;
  ownWorkerIds?: readonly string[];
  careTeamIds?: readonly string[];
  grantedMemberIds?: readonly string[];
  participantIds?: readonly string[];
  promiseOwnerId?: string;
  ownerUnitId?: string | null;
  responsibleUserId?: string | null;
  /** The managers linked to the resource's municipality (manager_municipalities). */
  municipalityManagerIds?: readonly string[];
};

export const always: Condition = { kind: 'always' };
export const never: Condition = { kind: 'never' };

/** Conjunction with the obvious simplifications (so `never` stays recognisable for `canSomewhere`). */
export function and(...of: Condition[]): Condition {
  if (of.some((c) => c.kind === 'never')) return never;
  const rest = of.filter((c) => c.kind !== 'always');
  if (rest.length === 0) return always;
  return rest.length === 1 ? rest[0]! : { kind: 'and', of: rest };
}

/** Disjunction with the obvious simplifications. */
export function or(...of: Condition[]): Condition {
  if (of.some((c) => c.kind === 'always')) return always;
  const rest = of.filter((c) => c.kind !== 'never');
  if (rest.length === 0) return never;
  return rest.length === 1 ? rest[0]! : { kind: 'or', of: rest };
}

const has = (list: readonly string[] | undefined, id: string) => list !== undefined && list.includes(id);

/** Does the condition hold for this resource? */
export function holds(condition: Condition, facts: ResourceFacts): boolean {
  switch (condition.kind) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'region':
      return facts.regionId === condition.regionId;
    case 'site_in':
      return facts.siteId !== undefined && facts.siteId !== null && condition.siteIds.includes(facts.siteId);
    case 'created_by':
      return facts.createdBy === condition.userId;
    case 'created_on':
      return facts.createdDay === condition.day;
    case 'listed_professional':
      return has(facts.professionalIds, condition.userId);
    case 'own_worker':
      return has(facts.ownWorkerIds, condition.userId);
    case 'care_team':
      return has(facts.careTeamIds, condition.userId);
    case 'is_client':
      return facts.clientId === condition.clientId;
    case 'granted':
      return has(facts.grantedMemberIds, condition.memberId);
    case 'participant':
      return has(facts.participantIds, condition.principalId);
    case 'promise_owner':
      return facts.promiseOwnerId === condition.principalId;
    case 'owning_unit':
      return facts.ownerUnitId !== undefined && facts.ownerUnitId !== null && facts.ownerUnitId === condition.unitId;
    case 'responsible':
      return facts.responsibleUserId !== undefined && facts.responsibleUserId !== null && facts.responsibleUserId === condition.userId;
    case 'municipality_manager':
      return has(facts.municipalityManagerIds, condition.userId);
    case 'and':
      return condition.of.every((c) => holds(c, facts));
    case 'or':
      return condition.of.some((c) => holds(c, facts));
  }
}
