import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button, InlineAlert, Paragraph, RadioButton, RadioButtonGroup } from 'suomifi-ui-components';
import { type FeedbackAudience, feedbackAudiences, type FeedbackFormView, type FeedbackItemKind, feedbackItemKinds } from '../../domain/feedback';
import { ErrorAlert } from '../common/error-alert';
import { FormErrorSummary } from '../common/form-error-summary';
import { FormSubmit } from '../common/form-submit';
import { SuccessAlert } from '../common/success-alert';
import { useCreateForm, useEditForm } from './api';
import { addItem, completeLanguages, contentPayload, draftFromVersion, type DraftErrors, fieldIds, type FormDraft, INTRO_MAX, MAX_ITEMS, move, NAME_MAX, removeItem, updateItem, validateDraft } from './builder';
import { ItemEditor } from './item-editor';
import { LocalizedInputs } from './localized-inputs';
import { type CreatedNotice, inLocale } from './texts';
import { useLocale } from '../i18n/use-locale';

type Saved = { version: number; isNewVersion: boolean };

/** The builder: audience (new forms), name, introduction, items; saving makes a new version when answers exist. */
export function BuilderForm({ initial, form }: { initial: FormDraft; form: FeedbackFormView | null }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [audience, setAudience] = useState<FeedbackAudience>('visitor');
  const [kind, setKind] = useState<FeedbackItemKind>('agreement');
  const [attempt, setAttempt] = useState(0);
  const [focusIds, setFocusIds] = useState<string[] | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const create = useCreateForm();
  const edit = useEditForm(form?.id ?? '');
  const save = form ? edit : create;
  const current = form?.versions[0];
  const hasAnswers = (current?.responses ?? 0) > 0;
  // After a first attempt the errors follow the draft, so a fixed field stops showing its error at once.
  const errors: DraftErrors = attempt > 0 ? validateDraft(draft) : {};
  const messages = Object.fromEntries(Object.entries(errors).map(([id, e]) => [id, t(`feedbackForms.builder.errors.${e.key}`, e.values)]));
  const languages = completeLanguages(draft);

  // Focus follows the user's action after React has re-rendered the list (moved, added or removed items).
  useEffect(() => {
    if (focusIds === null) return;
    const target = focusIds.map((id) => document.getElementById(id)).find((el) => el !== null && !(el as HTMLButtonElement).disabled);
    target?.focus();
    setFocusIds(null);
  }, [focusIds]);

  const change = (next: FormDraft) => {
    setDraft(next);
    setSaved(null);
  };
  const setItems = (items: FormDraft['items']) => change({ ...draft, items });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateDraft(draft);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    const content = contentPayload(draft);
    if (form === null) {
      create.mutate({ ...content, audience }, { onSuccess: (created) => void navigate('/feedback', { state: { createdForm: inLocale(created.current.name, locale) } satisfies CreatedNotice }) });
    } else {
      // The draft starts again from what was stored, so new options keep the keys made now.
      edit.mutate(content, {
        onSuccess: ({ form: stored, isNewVersion }) => {
          setDraft(draftFromVersion(stored.current));
          setSaved({ version: stored.current.version, isNewVersion });
        },
      });
    }
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack builder-form">
      <FormErrorSummary errors={messages} attempt={attempt} />
      {form === null ? (
        <RadioButtonGroup id="form-audience" name="audience" labelText={t('feedbackForms.builder.audience')} value={audience} onChange={(value) => setAudience(value as FeedbackAudience)}>
          {feedbackAudiences.map((a) => (
            <RadioButton key={a} id={`form-audience-${a}`} value={a} hintText={t(`feedbackForms.builder.audienceHint.${a}`)}>
              {t(`feedbackForms.audience.${a}`)}
            </RadioButton>
          ))}
        </RadioButtonGroup>
      ) : (
        <p className="builder-form__meta">
          {t(`feedbackForms.audience.${form.audience}`)} · {t('feedbackForms.list.version', { version: form.current.version })}
        </p>
      )}
      <Paragraph>{t('feedbackForms.builder.languagesHint')}</Paragraph>
      <LocalizedInputs idOf={fieldIds.name} label={t('feedbackForms.builder.name')} value={draft.name} onChange={(name) => change({ ...draft, name })} errors={messages} maxLength={NAME_MAX} />
      <LocalizedInputs idOf={fieldIds.intro} label={t('feedbackForms.builder.intro')} value={draft.intro} onChange={(intro) => change({ ...draft, intro })} errors={messages} maxLength={INTRO_MAX} isLong isOptional />
      <h2 className="builder-form__heading">{t('feedbackForms.builder.itemsHeading', { count: draft.items.length })}</h2>
      {draft.items.length === 0 && <Paragraph>{t('feedbackForms.builder.noItemsYet')}</Paragraph>}
      {draft.items.map((item, index) => (
        <ItemEditor
          key={item.uid}
          item={item}
          position={index + 1}
          count={draft.items.length}
          errors={messages}
          onChange={(patch) => setItems(updateItem(draft.items, item.uid, patch))}
          onMove={(step) => setItems(move(draft.items, item.uid, step))}
          onRemove={() => {
            setItems(removeItem(draft.items, item.uid));
            setFocusIds([fieldIds.items]);
          }}
          focus={(...ids) => setFocusIds(ids)}
        />
      ))}
      <div className="builder-add">
        <div className="encounter-form__field">
          <label className="encounter-form__label" htmlFor={fieldIds.items}>{t('feedbackForms.builder.addKind')}</label>
          <select id={fieldIds.items} className="encounter-form__select" value={kind} onChange={(e) => setKind(e.target.value as FeedbackItemKind)} aria-describedby={messages[fieldIds.items] ? `${fieldIds.items}-error` : undefined}>
            {feedbackItemKinds.map((k) => (
              <option key={k} value={k}>{t(`feedbackForms.kinds.${k}`)}</option>
            ))}
          </select>
          {messages[fieldIds.items] && <p className="field-error" id={`${fieldIds.items}-error`}>{messages[fieldIds.items]}</p>}
        </div>
        <Button
          variant="secondary"
          id="form-add-item"
          disabled={draft.items.length >= MAX_ITEMS}
          onClick={() => {
            const items = addItem(draft.items, kind);
            setItems(items);
            setFocusIds([fieldIds.itemText(items[items.length - 1]!.uid, 'fi')]);
          }}
        >
          {t('feedbackForms.builder.addItem')}
        </Button>
      </div>
      <p className="builder-languages" id="form-languages">
        {t('feedbackForms.builder.completeIn', { languages: languages.map((l) => t(`feedbackForms.languages.${l}`)).join(', ') })}{' '}
        {languages.length < 3 && t('feedbackForms.builder.onlyComplete')}
      </p>
      {hasAnswers && current && (
        <InlineAlert status="warning" labelText={t('feedbackForms.builder.newVersionTitle')} id="form-new-version-warning">
          {t('feedbackForms.builder.newVersionWarning', { version: current.version, next: current.version + 1, count: current.responses })}
        </InlineAlert>
      )}
      {save.isError && <ErrorAlert error={save.error} />}
      {saved && (
        <SuccessAlert>
          {saved.isNewVersion
            ? t('feedbackForms.builder.newVersionMade', { version: saved.version, previous: saved.version - 1 })
            : t('feedbackForms.builder.versionSaved', { version: saved.version })}
        </SuccessAlert>
      )}
      <FormSubmit id="form-save" isPending={save.isPending}>
        {form === null ? t('feedbackForms.builder.create') : hasAnswers ? t('feedbackForms.builder.saveNewVersion') : t('feedbackForms.builder.save')}
      </FormSubmit>
    </form>
  );
}
