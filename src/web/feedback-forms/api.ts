import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FeedbackAudience,
  FeedbackFormContent,
  FeedbackFormView,
  FeedbackResults,
  PaperEntry,
  ResultsQuery,
} from '../../domain/feedback';
import type { GroupSeriesView, GroupSessionView } from '../../domain/groups';
import type { LocalizedText } from '../../domain/feedback';
import { apiRequest, toQuery } from '../api/client';

/** A form in the list: its newest version's name and number. */
export type FormSummary = { id: string; templateKey: string | null; audience: FeedbackAudience; isActive: boolean; version: number; name: LocalizedText };

const formsKey = ['feedback-forms'] as const;
const formKey = (formId: string) => [...formsKey, formId] as const;
const path = (formId: string) => `/api/feedback/forms/${encodeURIComponent(formId)}`;

export function useForms() {
  return useQuery({ queryKey: formsKey, queryFn: async () => (await apiRequest<{ forms: FormSummary[] }>('GET', '/api/feedback/forms')).forms });
}

export function useForm(formId: string | undefined) {
  return useQuery({ queryKey: formKey(formId ?? ''), enabled: formId !== undefined, queryFn: () => apiRequest<FeedbackFormView>('GET', path(formId!)) });
}

function useFormSaved() {
  const queryClient = useQueryClient();
  return (form: FeedbackFormView) => {
    queryClient.setQueryData(formKey(form.id), form);
    return queryClient.invalidateQueries({ queryKey: formsKey });
  };
}

export function useCreateForm() {
  const saved = useFormSaved();
  return useMutation({
    mutationFn: (input: FeedbackFormContent & { audience: FeedbackAudience }) => apiRequest<FeedbackFormView>('POST', '/api/feedback/forms', input),
    onSuccess: saved,
  });
}

/** Saves new wording: a version with answers stays as it was and a new version is made. */
export function useEditForm(formId: string) {
  const saved = useFormSaved();
  return useMutation({
    mutationFn: (content: FeedbackFormContent) => apiRequest<{ form: FeedbackFormView; isNewVersion: boolean }>('PUT', `${path(formId)}/content`, content),
    onSuccess: ({ form }) => saved(form),
  });
}

export function useSetFormActive() {
  const saved = useFormSaved();
  return useMutation({
    mutationFn: ({ formId, isActive }: { formId: string; isActive: boolean }) => apiRequest<FeedbackFormView>('PATCH', path(formId), { isActive }),
    onSuccess: saved,
  });
}

export function useEnterPaper(formId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: PaperEntry) => apiRequest<{ stored: number }>('POST', `${path(formId)}/paper`, entry),
    // Response counts per version and the results change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: formKey(formId) }),
  });
}

export function useResults(formId: string, query: ResultsQuery, enabled = true) {
  return useQuery({
    queryKey: [...formKey(formId), 'results', query],
    enabled,
    queryFn: () => apiRequest<FeedbackResults>('GET', `${path(formId)}/results${toQuery(query)}`),
  });
}

export function useGroupSeries(siteId: string) {
  return useQuery({
    queryKey: [...formsKey, 'group-series', siteId],
    enabled: siteId !== '',
    queryFn: async () => (await apiRequest<{ series: GroupSeriesView[] }>('GET', `/api/sites/${encodeURIComponent(siteId)}/group-series`)).series,
  });
}

export function useSeriesSessions(seriesId: string) {
  return useQuery({
    queryKey: [...formsKey, 'group-sessions', seriesId],
    enabled: seriesId !== '',
    queryFn: async () => (await apiRequest<GroupSeriesView & { sessions: GroupSessionView[] }>('GET', `/api/group-series/${encodeURIComponent(seriesId)}`)).sessions,
  });
}
