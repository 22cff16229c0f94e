import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { SavedViewModule, SaveViewBody } from '../../api/types';

export const savedViewsQueryKey = (module: SavedViewModule) => ['saved-views', module] as const;

export const listSavedViews = (module: SavedViewModule) =>
  unwrap(api.GET('/api/v1/saved-views', { params: { query: { module } } }));
export const saveView = (body: SaveViewBody) => unwrap(api.POST('/api/v1/saved-views', { body }));
export const deleteView = (id: string) => unwrap(api.DELETE('/api/v1/saved-views/{id}', { params: { path: { id } } }));

/** The caller's views of a list and the ones others share (own first). */
export const savedViewsQuery = (module: SavedViewModule) =>
  queryOptions({
    queryKey: savedViewsQueryKey(module),
    queryFn: async () => (await listSavedViews(module)).items,
  });

export function useSavedViews(module: SavedViewModule) {
  return useQuery(savedViewsQuery(module));
}

export function useSaveView(module: SavedViewModule) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<SaveViewBody, 'module'>) => saveView({ ...body, module }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewsQueryKey(module) }),
  });
}

export function useDeleteView(module: SavedViewModule) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteView,
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedViewsQueryKey(module) }),
  });
}
