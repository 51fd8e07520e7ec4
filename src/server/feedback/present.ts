import { completeLocales, type FeedbackFormView, type FeedbackVersionView } from '../../domain/feedback.js';
import { itemDefinition, type FormRow, type LoadedVersion, type VersionRow } from './forms-repo.js';

export function presentVersion({ version, items }: LoadedVersion): FeedbackVersionView {
  const definitions = items.map(itemDefinition);
  const name = { fi: version.nameFi, sv: version.nameSv, en: version.nameEn };
  const intro = { fi: version.introFi, sv: version.introSv, en: version.introEn };
  return {
    id: version.id,
    formId: version.formId,
    version: version.version,
    name,
    intro,
    locales: completeLocales([name, intro], definitions),
    items: definitions.map((d) => ({
      id: d.id,
      position: d.position,
      kind: d.kind,
      text: d.text,
      allowsNotApplicable: d.allowsNotApplicable,
      scaleMin: d.scaleMin,
      options: d.options.map((o) => ({ key: o.key, fi: o.fi, sv: o.sv, en: o.en })),
    })),
  };
}

export function presentForm(form: FormRow, current: LoadedVersion, versions: VersionRow[], responses: Map<string, number>): FeedbackFormView {
  return {
    id: form.id,
    templateKey: form.templateKey,
    audience: form.audience,
    isActive: form.isActive,
    current: presentVersion(current),
    versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.createdAt.toISOString(), responses: responses.get(v.id) ?? 0 })),
  };
}
