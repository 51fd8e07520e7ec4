import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttendanceInput,
  AttendanceView,
  GroupSeriesInput,
  GroupSeriesUpdate,
  GroupSeriesView,
  GroupSessionInput,
  GroupSessionUpdate,
  GroupSessionView,
  SeriesStatistics,
} from '../../domain/groups';
import { apiRequest } from '../api/client';

export type SeriesDetail = GroupSeriesView & { sessions: GroupSessionView[] };

const id = encodeURIComponent;
const seriesListKey = (siteId: string) => ['group-series', 'site', siteId] as const;
const seriesKey = (seriesId: string) => ['group-series', seriesId] as const;
const statisticsKey = (seriesId: string) => ['group-series', seriesId, 'statistics'] as const;
const attendanceKey = (sessionId: string) => ['group-attendance', sessionId] as const;

export function useSeriesOfSite(siteId: string | null) {
  return useQuery({
    queryKey: seriesListKey(siteId ?? ''),
    queryFn: async () => (await apiRequest<{ series: GroupSeriesView[] }>('GET', `/api/sites/${id(siteId ?? '')}/group-series`)).series,
    enabled: siteId !== null,
  });
}

export function useSeries(seriesId: string, enabled = true) {
  return useQuery({ queryKey: seriesKey(seriesId), queryFn: () => apiRequest<SeriesDetail>('GET', `/api/group-series/${id(seriesId)}`), enabled });
}

export function useStatistics(seriesId: string, enabled: boolean) {
  return useQuery({ queryKey: statisticsKey(seriesId), queryFn: () => apiRequest<SeriesStatistics>('GET', `/api/group-series/${id(seriesId)}/statistics`), enabled });
}

/** Anything that changes a series or its sessions changes its figures and the site's list too: all are asked again. */
function useRefreshSeries() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['group-series'] });
}

export function useCreateSeries() {
  const refresh = useRefreshSeries();
  return useMutation({
    mutationFn: ({ siteId, input }: { siteId: string; input: GroupSeriesInput }) => apiRequest<SeriesDetail>('POST', `/api/sites/${id(siteId)}/group-series`, input),
    onSuccess: () => refresh(),
  });
}

export function useUpdateSeries(seriesId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshSeries();
  return useMutation({
    mutationFn: (patch: GroupSeriesUpdate) => apiRequest<SeriesDetail>('PATCH', `/api/group-series/${id(seriesId)}`, patch),
    onSuccess: (series) => {
      queryClient.setQueryData(seriesKey(seriesId), series);
      return refresh();
    },
  });
}

export function useAddSession(seriesId: string) {
  const refresh = useRefreshSeries();
  return useMutation({
    mutationFn: (input: GroupSessionInput) => apiRequest<GroupSessionView>('POST', `/api/group-series/${id(seriesId)}/sessions`, input),
    onSuccess: () => refresh(),
  });
}

export function useUpdateSession() {
  const refresh = useRefreshSeries();
  return useMutation({
    mutationFn: ({ sessionId, patch }: { sessionId: string; patch: GroupSessionUpdate }) => apiRequest<GroupSessionView>('PATCH', `/api/group-sessions/${id(sessionId)}`, patch),
    onSuccess: () => refresh(),
  });
}

/** The session's roster (an audited, person-level read): asked once per visit to the page, never in the background. */
export function useAttendance(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: attendanceKey(sessionId),
    queryFn: () => apiRequest<AttendanceView>('GET', `/api/group-sessions/${id(sessionId)}/attendance`),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useRecordAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AttendanceInput) => apiRequest<GroupSessionView>('PUT', `/api/group-sessions/${id(sessionId)}/attendance`, input),
    onSuccess: (session) => {
      queryClient.removeQueries({ queryKey: attendanceKey(sessionId) });
      return queryClient.invalidateQueries({ queryKey: ['group-series'] }).then(() => session);
    },
  });
}
